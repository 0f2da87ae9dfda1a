using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Engine.Tests.Support;

namespace FacilitatorKit.Engine.Tests.Speakers;

/// <summary>A 30-minute sharing item whose last 10 minutes are kept for people who have not shared in it.</summary>
public class QuietReserveTests
{
    private static readonly AgendaItemId Item = new(1);
    private static readonly TimeSpan Reserve = TimeSpan.FromMinutes(10);

    private static MeetingScenario Sharing() =>
        MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand, quietReserve: Reserve, minutes: 30), "Ana", "Ben", "Cai", "Dee");

    /// <summary>With nobody else waiting: the person raises a hand, shares for a while, and the turn ends.</summary>
    private static void Shares(MeetingScenario m, string name, double minutes = 2)
    {
        m.Given(m.RaiseHand(name)).NextSpeakerIs(name);
        m.WaitMinutes(minutes).Given(m.EndTurn());
    }

    /// <summary>Moves the clock to this many minutes into the item.</summary>
    private static void AtMinute(MeetingScenario m, double minute) =>
        m.Wait(MeetingScenario.Start + TimeSpan.FromMinutes(minute) - m.Now);

    private static ReleaseQuietReserve Release(MeetingScenario m) => new(MeetingScenario.NewId(), Item) { Actor = m.Facilitator };

    [Fact]
    public void NextSpeaker_BeforeTheReserve_TakesPeopleWhoAlreadySharedAsUsual()
    {
        var m = Sharing();
        Shares(m, "Ana");
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"));

        AtMinute(m, 19.9);

        m.NextSpeakerIs("Ana");
    }

    [Fact]
    public void NextSpeaker_DuringTheReserve_StartsOnlySomeoneWhoHasNotSharedInTheItem()
    {
        var m = Sharing();
        Shares(m, "Ana");
        AtMinute(m, 21);
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"));

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnStarted(new TurnId(2), m.P("Ben"), Item, TurnKind.Regular, m.Now, null, null));

        Assert.Equal(["Ana"], m.Order);
    }

    [Fact]
    public void NextSpeaker_DuringTheReserve_KeepsFirstComeFirstServedAmongThoseWhoHaveNotShared()
    {
        var m = Sharing();
        Shares(m, "Ana");
        AtMinute(m, 25);
        m.Given(m.RaiseHand("Ana")).WaitSeconds(1).Given(m.RaiseHand("Dee")).WaitSeconds(1).Given(m.RaiseHand("Cai"));

        m.NextSpeakerIs("Dee");
        m.NextSpeakerIs("Cai");
        Assert.Equal(["Ana"], m.Order);
    }

    [Fact]
    public void NextSpeaker_DuringTheReserve_WithOnlyPeopleWhoSharedWaiting_IsRefusedWithAClearReason()
    {
        var m = Sharing();
        Shares(m, "Ana");
        Shares(m, "Ben");
        AtMinute(m, 22);
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"));

        var refusal = m.When(m.NextSpeaker()).ThenRefused(RefusalCode.NotNow);

        Assert.Equal(RefusalReason.QuietReserveKeepsTime, refusal.Reason);
        Assert.Equal(m.State.CurrentItemId, refusal.Item);
        Assert.Equal(TimeSpan.FromMinutes(10), refusal.Duration);
        Assert.Null(m.Speaker);
        Assert.Equal(["Ana", "Ben"], m.Order);
    }

    [Fact]
    public void NextSpeaker_DuringTheReserve_EndsTheTurnUnderWayEvenIfNobodyEligibleIsWaiting()
    {
        var m = Sharing();
        Shares(m, "Ana");
        AtMinute(m, 21);
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        m.Given(m.RaiseHand("Ana")).WaitMinutes(2);

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnEnded(new TurnId(2), m.Now, TurnOutcome.Spoke, TimeSpan.FromMinutes(2)));

        Assert.Null(m.Speaker);
    }

    [Fact]
    public void NextSpeaker_DuringTheReserve_NeverHoldsBackAPointOfProcess()
    {
        var m = Sharing();
        Shares(m, "Ana");
        AtMinute(m, 25);
        m.Given(m.RaiseHand("Ben"), m.PointOfProcess("Ana"));

        m.When(m.NextSpeaker()).ThenEvents(
            new TurnStarted(new TurnId(2), m.P("Ana"), Item, TurnKind.PointOfProcess, m.Now, null, null));
    }

    [Fact]
    public void PointOfProcess_DoesNotCountAsSharing_ForTheReserve()
    {
        var m = Sharing();
        m.Given(m.PointOfProcess("Cai")).NextSpeakerIs("Cai");
        m.WaitMinutes(1).Given(m.EndTurn());
        Shares(m, "Ana");
        AtMinute(m, 21);
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Cai"));

        m.NextSpeakerIs("Cai");
    }

    [Fact]
    public void Pass_DoesNotCountAsSharing_ForTheReserve()
    {
        var m = Sharing();
        m.Given(m.RaiseHand("Ben")).NextSpeakerIs("Ben");
        m.WaitSeconds(5).Given(m.Pass());
        Shares(m, "Ana");
        AtMinute(m, 21);
        m.Given(m.RaiseHand("Ana"), m.RaiseHand("Ben"));

        m.NextSpeakerIs("Ben");
    }

    [Fact]
    public void NextSpeaker_DuringTheReserve_CountsOnlySharingInThisItem()
    {
        var format = new MeetingFormat("Two items",
        [
            new("Check-in", AgendaItemKind.CheckIn, TimeSpan.FromMinutes(10)),
            new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(30), TurnPolicy.RaiseHand, null, Reserve),
        ]);
        var m = MeetingScenario.Running(format, "Ana", "Ben");
        Shares(m, "Ana");
        m.Given(m.NextItem()).WaitMinutes(21);
        m.Given(m.RaiseHand("Ana"));

        m.NextSpeakerIs("Ana");
    }

    [Fact]
    public void ReleaseQuietReserve_OpensTheRestOfTheItemToEveryone()
    {
        var m = Sharing();
        Shares(m, "Ana");
        AtMinute(m, 22);
        m.Given(m.RaiseHand("Ana"));
        m.When(m.NextSpeaker()).ThenRefused(RefusalCode.NotNow);

        m.When(Release(m)).ThenEvents(new QuietReserveReleased(Item));

        Assert.False(m.State.CurrentItem!.IsQuietReserveActive(m.Now));
        m.NextSpeakerIs("Ana");
    }

    [Fact]
    public void ReleaseQuietReserve_OnAnItemWithoutAReserve_IsRefused()
    {
        var m = MeetingScenario.Running(Formats.OneItem(TurnPolicy.RaiseHand), "Ana");

        m.When(Release(m)).ThenRefused(RefusalCode.NotNow);
    }

    [Fact]
    public void ExtendAgendaItem_MovesTheReserveLater()
    {
        var m = Sharing();
        Shares(m, "Ana");
        AtMinute(m, 21);
        m.Given(m.RaiseHand("Ana"));

        m.Given(new ExtendAgendaItem(MeetingScenario.NewId(), Item, TimeSpan.FromMinutes(5)) { Actor = m.Facilitator });

        m.NextSpeakerIs("Ana");
    }

    [Fact]
    public void IsQuietReserveActive_StartsExactlyNMinutesBeforeTheEndOfTheTimeBox()
    {
        var m = Sharing();
        var item = m.State.CurrentItem!;
        var reserveStarts = item.EndsAt!.Value - Reserve;

        Assert.False(item.IsQuietReserveActive(reserveStarts - TimeSpan.FromSeconds(1)));
        Assert.True(item.IsQuietReserveActive(reserveStarts));
        Assert.True(item.IsQuietReserveActive(item.EndsAt.Value + TimeSpan.FromMinutes(5)));
    }
}
