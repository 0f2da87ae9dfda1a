using FacilitatorKit.Engine.Chair;

namespace FacilitatorKit.Engine.Tests.Chair;

public class ChairRotaTests
{
    private static readonly DateTimeOffset Founded = new(2025, 1, 6, 19, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Week(int n) => Founded.AddDays(7 * n);

    private static RotaMember Member(string name, int joinedWeek, bool volunteers = true, bool active = true) =>
        new(ParticipantId.New(), name, volunteers, active, Week(joinedWeek));

    private static ChairRecord Chaired(RotaMember member, int week) => new(member.Member, Week(week));

    private static string? Next(IEnumerable<RotaMember> members, IEnumerable<ChairRecord> history, IEnumerable<ParticipantId>? skipped = null) =>
        ChairRota.ProposeNext(members, history, skipped)?.Name;

    [Fact]
    public void ProposeNext_PicksTheVolunteerWhoChairedLeastRecently()
    {
        var (ana, ben, cai) = (Member("Ana", 0), Member("Ben", 0), Member("Cai", 0));

        var next = Next([ana, ben, cai], [Chaired(ana, 5), Chaired(ben, 3), Chaired(cai, 4)]);

        Assert.Equal("Ben", next);
    }

    [Fact]
    public void ProposeNext_SomeoneWhoNeverChaired_ComesFirst()
    {
        var (ana, ben, cai) = (Member("Ana", 0), Member("Ben", 0), Member("Cai", 8));

        var next = Next([ana, ben, cai], [Chaired(ana, 1), Chaired(ben, 2)]);

        Assert.Equal("Cai", next);
    }

    [Fact]
    public void ProposeNext_CountsEachPersonsMostRecentTimeInTheChair()
    {
        var (ana, ben) = (Member("Ana", 0), Member("Ben", 0));

        var next = Next([ana, ben], [Chaired(ana, 1), Chaired(ben, 3), Chaired(ana, 6)]);

        Assert.Equal("Ben", next);
    }

    [Fact]
    public void ProposeNext_LeavesOutMembersWhoDoNotVolunteer()
    {
        var (ana, ben) = (Member("Ana", 0, volunteers: false), Member("Ben", 0));

        var next = Next([ana, ben], [Chaired(ben, 9)]);

        Assert.Equal("Ben", next);
    }

    [Fact]
    public void ProposeNext_LeavesOutVolunteersWhoAreNoLongerActive()
    {
        var (ana, ben) = (Member("Ana", 0, active: false), Member("Ben", 2));

        var next = Next([ana, ben], [Chaired(ben, 9)]);

        Assert.Equal("Ben", next);
    }

    [Fact]
    public void ProposeNext_NeverChairedTie_GoesToWhoJoinedFirst()
    {
        var (ana, ben, cai) = (Member("Ana", 4), Member("Ben", 1), Member("Cai", 2));

        var next = Next([ana, ben, cai], []);

        Assert.Equal("Ben", next);
    }

    [Fact]
    public void ProposeNext_CoChairsOfTheSameMeeting_TieGoesToWhoJoinedFirst()
    {
        var (ana, ben, cai) = (Member("Ana", 3), Member("Ben", 2), Member("Cai", 0));

        var next = Next([ana, ben, cai], [Chaired(ana, 5), Chaired(ben, 5), Chaired(cai, 6)]);

        Assert.Equal("Ben", next);
    }

    [Fact]
    public void ProposeNext_PassesOverTheMembersTheFacilitatorSkipped()
    {
        var (ana, ben, cai) = (Member("Ana", 0), Member("Ben", 1), Member("Cai", 2));

        var next = Next([ana, ben, cai], [], skipped: [ana.Member, ben.Member]);

        Assert.Equal("Cai", next);
    }

    [Fact]
    public void ProposeNext_NobodyLeftToAsk_ProposesNobody()
    {
        var ana = Member("Ana", 0);

        Assert.Null(Next([ana, Member("Ben", 0, volunteers: false)], [], skipped: [ana.Member]));
        Assert.Null(Next([], []));
    }

    [Fact]
    public void Order_ListsEveryEligibleVolunteerInRotaOrder()
    {
        var (ana, ben, cai, dee, eve) = (Member("Ana", 0), Member("Ben", 1), Member("Cai", 2), Member("Dee", 3, active: false), Member("Eve", 4));

        var order = ChairRota.Order([ana, ben, cai, dee, eve], [Chaired(ana, 7), Chaired(ben, 5), Chaired(dee, 1)]);

        Assert.Equal(["Cai", "Eve", "Ben", "Ana"], order.Select(m => m.Name));
    }

    [Fact]
    public void Order_IsTheSameWhateverOrderMembersAndHistoryAreGivenIn()
    {
        RotaMember[] members = [Member("Ana", 0), Member("Ben", 1), Member("Cai", 1), Member("Dee", 2), Member("Eve", 2), Member("Fay", 3), Member("Gus", 1)];
        ChairRecord[] history = [Chaired(members[0], 6), Chaired(members[1], 4), Chaired(members[0], 2), Chaired(members[3], 4), Chaired(members[5], 9)];
        var expected = ChairRota.Order(members, history).Select(m => m.Member).ToList();
        Assert.Equal(7, expected.Count);

        var random = new Random(20261122);
        for (var i = 0; i < 25; i++)
        {
            var shuffledMembers = members.OrderBy(_ => random.Next()).ToList();
            var shuffledHistory = history.OrderBy(_ => random.Next()).ToList();

            Assert.Equal(expected, ChairRota.Order(shuffledMembers, shuffledHistory).Select(m => m.Member));
        }
    }
}
