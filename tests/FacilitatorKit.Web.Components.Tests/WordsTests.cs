using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Fairness;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Testing;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests;

/// <summary>
/// The engine and the use cases speak in codes; the screens word them from one resource file. Every code has its
/// sentence, every sentence fills in its arguments, and the words are calm: no ids, no jargon, no blame.
/// </summary>
public class WordsTests
{
    private static readonly Words Words = TestWords.Instance;

    private static readonly string[] BlameWords =
    [
        "too much", "too long", "dominat", "talks too", "talking too", "hog", "monopol", "blame", "fault", "selfish", "stop",
        "interrupt", "rude", "again and again", "excessive", "warning",
    ];

    private static readonly ParticipantId Ana = ParticipantId.New();
    private static readonly ParticipantId Ben = ParticipantId.New();

    /// <summary>A meeting with Ana and Ben, and one item titled "Sharing", for sentences that name them.</summary>
    private static readonly MeetingState Meeting = FacilitatorKit.Engine.Meeting.Apply(MeetingState.Initial(MeetingId.New()), new MeetingSetUp(
        MeetingId.New(), DateTimeOffset.UnixEpoch, "Circle",
        [new AgendaItemPlan("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(40), TurnPolicy.Balanced, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10))],
        [new Participant(Ana, "Ana"), new Participant(Ben, "Ben")], Ana, ImmutableDictionary<ParticipantId, TimeSpan>.Empty));

    public static TheoryData<RefusalReason> Reasons => [.. Enum.GetValues<RefusalReason>()];

    public static TheoryData<InputProblem> Problems => [.. Enum.GetValues<InputProblem>()];

    [Theory]
    [MemberData(nameof(Reasons))]
    public void EveryRefusal_HasACalmSentence_WithItsPeopleAndItemsNamed(RefusalReason reason)
    {
        var refusal = new Refusal(reason)
        {
            Person = Ben,
            Item = new AgendaItemId(1),
            Duration = TimeSpan.FromMinutes(10),
            Limit = TimeSpan.FromMinutes(15),
            Role = Role.Member,
            Action = MeetingAction.RunQueue,
            Title = "Sharing",
        };

        var sentence = Words.Of(refusal, Meeting);

        ExpectCalmSentence(sentence);
        Assert.DoesNotContain(Ben.ToString(), sentence, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reason.ToString(), sentence, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void EveryInputProblem_HasACalmSentence(InputProblem problem)
    {
        var error = new FieldError("Name", problem, ("What", NameOf.MemberName), ("Max", 40), ("Min", TimeSpan.FromSeconds(15)), ("Name", "Ana"), ("Group", "Tuesday circle"), ("Number", 3));

        ExpectCalmSentence(Words.Of(error, Meeting));
    }

    public static TheoryData<GroupAction> GroupActions => [.. Enum.GetValues<GroupAction>()];

    [Theory]
    [MemberData(nameof(GroupActions))]
    public void EveryRefusedGroupOperation_HasACalmSentence(GroupAction action)
    {
        var sentence = Words.Of(new Refusal(RefusalReason.RoleMayNot) { Role = Role.Display, GroupAction = action });

        ExpectCalmSentence(sentence);
        Assert.DoesNotContain(action.ToString(), sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleMayNot_ForAGroupOperation_NamesTheSenderAndWhoMay()
    {
        var sentence = Words.Of(new Refusal(RefusalReason.RoleMayNot) { Role = Role.CoFacilitator, GroupAction = GroupAction.ManageMembers });

        Assert.Equal("A co-facilitator can't add or change members. Only the facilitator can.", sentence);
    }

    [Fact]
    public void RoleMayNot_NamesTheSenderAndEveryRoleThatMay()
    {
        var sentence = Words.Of(new Refusal(RefusalReason.RoleMayNot) { Role = Role.Member, Action = MeetingAction.RunQueue });

        Assert.Equal("A member can't run the speaker queue or the turns. Only the facilitator or a co-facilitator can.", sentence);
    }

    [Fact]
    public void RoleMayNot_ForADeviceWithNoRole_SaysSoWithoutNamingARole() =>
        Assert.Equal("This device has no role in this meeting, so it can't do that.", Words.Of(new Refusal(RefusalReason.RoleMayNot)));

    [Theory]
    [InlineData(MeetingAction.HandOverChair, "Only the facilitator can.")]
    [InlineData(MeetingAction.RaiseOwnHand, "Only the facilitator or a co-facilitator or a member can.")]
    public void RoleMayNot_SaysWhoMay_FromThePermissionTable(MeetingAction action, string ending) =>
        Assert.EndsWith(ending, Words.Of(new Refusal(RefusalReason.RoleMayNot) { Role = Role.Display, Action = action }), StringComparison.Ordinal);

    [Fact]
    public void QuietReserve_SaysHowLongAndWhichItem() =>
        Assert.StartsWith(
            "The last 10 minutes of “Sharing” are kept for people who have not shared yet",
            Words.Of(new Refusal(RefusalReason.QuietReserveKeepsTime) { Item = new AgendaItemId(1), Duration = TimeSpan.FromMinutes(10) }, Meeting),
            StringComparison.Ordinal);

    [Fact]
    public void PersonWhoIsNotInTheMeeting_IsNeverShownById()
    {
        var stranger = ParticipantId.New();

        var sentence = Words.Of(new Refusal(RefusalReason.PersonHasLeft) { Person = stranger }, Meeting);

        Assert.Equal("someone who is not here has left the meeting.", sentence);
    }

    [Fact]
    public void Ranges_AreWordedAsTimes()
    {
        var sentence = Words.Of(new FieldError("Limit", InputProblem.TurnLimitOutOfRange, ("Min", Limits.ShortestTurnLimit), ("Max", Limits.LongestTurnLimit)));

        Assert.Equal("A turn limit is between 15 seconds and 60 minutes, or none.", sentence);
    }

    [Theory]
    [InlineData(1, "1 second")]
    [InlineData(45, "45 seconds")]
    [InlineData(60, "1 minute")]
    [InlineData(90, "1.5 minutes")]
    [InlineData(3600, "60 minutes")]
    [InlineData(7200, "2 hours")]
    [InlineData(28800, "8 hours")]
    public void Duration_ReadsAsPeopleSayIt(int seconds, string words)
    {
        using var english = new CultureScope("en-GB");
        Assert.Equal(words, Words.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Duration_FollowsTheDevicesCultureForItsNumbers()
    {
        using var german = new CultureScope("de-DE");
        Assert.Equal("1,5 minutes", Words.Duration(TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public void Nudge_NamesThePerson_AndIsAboutBalance_NeverBlame()
    {
        var sentence = Words.Of(new Nudge(Ana, NudgeReason.WellOverFairShare, 2.73), Meeting);

        Assert.Equal("Ana has had about 2.7 times a fair share of the time so far. Inviting people who have not spoken yet can help balance it.", sentence);
        Assert.All(BlameWords, word => Assert.DoesNotContain(word, sentence, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("!", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceFile_HoldsNoKeyThatNothingUses_AndEveryCodeHasOne()
    {
        var keys = XDocument.Load(Path.Combine(Repository.Root, "src", "FacilitatorKit.Web", "Resources", "Words.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var codes = Enum.GetNames<RefusalReason>().Concat(Enum.GetNames<InputProblem>()).ToHashSet();

        Assert.Empty(codes.Except(keys));
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "FacilitatorKit.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var unused = keys.Except(codes)
            .Where(key => !sources.Any(s => s.Contains($"\"{key}\"", StringComparison.Ordinal) || s.Contains($"\"{key.Split('.')[0]}.{{", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(unused);
    }

    private static void ExpectCalmSentence(string sentence)
    {
        Assert.False(string.IsNullOrWhiteSpace(sentence));
        Assert.True(char.IsUpper(sentence[0]) || sentence[0] == '“' || sentence.StartsWith("someone", StringComparison.Ordinal), sentence);
        Assert.EndsWith(".", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("{", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("!", sentence, StringComparison.Ordinal);
        foreach (var jargon in new[] { "null", "Exception", "validator", "Refusal", "InputProblem", "Guid", "00:" })
        {
            Assert.DoesNotContain(jargon, sentence, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentCulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentCulture = _before;
    }
}
