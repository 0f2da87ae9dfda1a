using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Notes;

namespace FacilitatorKit.Web.Components.Tests.Notes;

public class NoteDraftTests
{
    private static readonly TimeSpan Quiet = NoteDraft.DefaultQuietPeriod;

    [Fact]
    public async Task Typing_IsSavedOnceAfterAPause_NotOnEveryKeystroke()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await using var draft = new NoteDraft(f.Notes, Actor.Facilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1), f.Clock);

        foreach (var text in new[] { "D", "De", "Dec", "Decided: coffee rota" })
        {
            draft.Type(text);
            f.Clock.Advance(Quiet / 4);
        }

        Assert.Equal(NoteDraftStatus.Unsaved, draft.Status);
        Assert.Equal(0, (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1)).Version);

        f.Clock.Advance(Quiet);
        await draft.LastSave;

        Assert.Equal(NoteDraftStatus.Saved, draft.Status);
        var stored = await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1);
        Assert.Equal(("Decided: coffee rota", 1), (stored.Text, stored.Version));
    }

    [Fact]
    public async Task Flush_SavesAtOnce()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await using var draft = new NoteDraft(f.Notes, Actor.Facilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1), f.Clock);

        draft.Type("Next chair: Ben");
        await draft.FlushAsync();

        Assert.Equal("Next chair: Ben", (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1)).Text);
        Assert.Equal(NoteDraftStatus.Saved, draft.Status);
    }

    [Fact]
    public async Task TwoDevices_TheSecondGetsAConflictWithBothTexts_AndResolvingSavesTheMerge()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        var loaded = await f.Notes.GetAsync(Actor.Facilitator, session.Id, 4);
        await using var laptop = new NoteDraft(f.Notes, Actor.Facilitator, loaded, f.Clock);
        await using var tablet = new NoteDraft(f.Notes, Actor.Facilitator, loaded, f.Clock);

        laptop.Type("Resources: the helpline leaflet");
        await laptop.FlushAsync();
        tablet.Type("Resources: library talk on Friday");
        await tablet.FlushAsync();

        Assert.Equal(NoteDraftStatus.Conflict, tablet.Status);
        Assert.Equal("Resources: the helpline leaflet", tablet.Conflict!.Current.Text);
        Assert.Equal("Resources: library talk on Friday", tablet.Conflict.Yours);
        Assert.Equal("Resources: the helpline leaflet", (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 4)).Text);

        // More typing during a conflict is kept, and nothing is saved over the other device's text.
        tablet.Type("Resources: library talk on Friday (Ben)");
        f.Clock.Advance(Quiet * 2);
        Assert.Equal(NoteDraftStatus.Conflict, tablet.Status);

        await tablet.ResolveAsync("Resources: the helpline leaflet; library talk on Friday (Ben)");

        Assert.Equal(NoteDraftStatus.Saved, tablet.Status);
        var stored = await f.Notes.GetAsync(Actor.Facilitator, session.Id, 4);
        Assert.Equal(("Resources: the helpline leaflet; library talk on Friday (Ben)", 2), (stored.Text, stored.Version));
    }

    [Fact]
    public async Task InvalidText_StaysInTheBox_WithAMessage_AndTheStoredNoteIsUntouched()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 1, "kept", 0);
        await using var draft = new NoteDraft(f.Notes, Actor.Facilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1), f.Clock);

        draft.Type("pasted\u0007text");
        await draft.FlushAsync();

        Assert.Equal(NoteDraftStatus.Invalid, draft.Status);
        Assert.Equal("pasted\u0007text", draft.Text);
        Assert.True(draft.Problem!.Is(InputProblem.NoteHasInvisibleCharacters));
        Assert.Equal("kept", (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1)).Text);
    }

    [Fact]
    public async Task AnotherDevicesSave_ShowsAtOnce_WhenNothingIsTypedHere()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        var loaded = await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2);
        await using var laptop = new NoteDraft(f.Notes, Actor.Facilitator, loaded, f.Clock);
        await using var tablet = new NoteDraft(f.Notes, Actor.CoFacilitator, loaded, f.Clock);
        f.HearSaves(tablet.Incoming);

        laptop.Type("Next chair: Ben");
        await laptop.FlushAsync();

        Assert.Equal(("Next chair: Ben", 1, NoteDraftStatus.Saved), (tablet.Text, tablet.Version, tablet.Status));

        // And the tablet's own typing on top of it saves as the next version, not as a conflict.
        tablet.Type("Next chair: Ben. Next meeting: Tuesday");
        await tablet.FlushAsync();
        Assert.Equal(NoteDraftStatus.Saved, tablet.Status);
        Assert.Equal(("Next chair: Ben. Next meeting: Tuesday", 2), await StoredAsync(f, session.Id, 2));
    }

    [Fact]
    public async Task AnotherDevicesSave_NeverReplacesTypingWaitingHere_ItBecomesAConflictWithBoth()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        var loaded = await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2);
        await using var laptop = new NoteDraft(f.Notes, Actor.Facilitator, loaded, f.Clock);
        await using var tablet = new NoteDraft(f.Notes, Actor.CoFacilitator, loaded, f.Clock);
        f.HearSaves(tablet.Incoming);

        tablet.Type("Resources: library talk on Friday");
        laptop.Type("Resources: the helpline leaflet");
        await laptop.FlushAsync();

        Assert.Equal(("Resources: library talk on Friday", NoteDraftStatus.Unsaved), (tablet.Text, tablet.Status));
        await tablet.FlushAsync();
        Assert.Equal(NoteDraftStatus.Conflict, tablet.Status);
        Assert.Equal("Resources: the helpline leaflet", tablet.Conflict!.Current.Text);

        // A later save on the laptop keeps the conflict's other side up to date, so "keep both" keeps the latest.
        laptop.Type("Resources: the helpline leaflet, and the carers' group");
        await laptop.FlushAsync();
        Assert.Equal(("Resources: the helpline leaflet, and the carers' group", 2), (tablet.Conflict!.Current.Text, tablet.Conflict.Current.Version));
        await tablet.ResolveAsync(tablet.Conflict.Current.Text + "\n" + tablet.Text);
        Assert.Equal(("Resources: the helpline leaflet, and the carers' group\nResources: library talk on Friday", 3), await StoredAsync(f, session.Id, 2));
    }

    [Fact]
    public async Task TypingOverTextFromBeforeAnotherDevicesSave_ThatTheScreenHadNotShownYet_IsAConflict_NotAnOverwrite()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        var loaded = await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2);
        await using var laptop = new NoteDraft(f.Notes, Actor.Facilitator, loaded, f.Clock);
        await using var tablet = new NoteDraft(f.Notes, Actor.CoFacilitator, loaded, f.Clock);
        f.HearSaves(tablet.Incoming);
        f.HearSaves(laptop.Incoming);
        var shownOnTheTablet = tablet.LatestFromElsewhere;

        // The laptop's save reaches the tablet's draft, but the tablet's screen has not drawn it yet (a slow
        // connection, or one that dropped) when the writer types on the text the screen still shows.
        laptop.Type("Next chair: Ben");
        await laptop.FlushAsync();
        Assert.Equal("Next chair: Ben", tablet.Text);
        tablet.Type("Resources: library talk on Friday", shownOnTheTablet);
        f.Clock.Advance(Quiet * 2);
        await tablet.FlushAsync();

        Assert.Equal(NoteDraftStatus.Conflict, tablet.Status);
        Assert.True(tablet.Problem!.Is(InputProblem.NoteChangedElsewhere));
        Assert.Equal(("Next chair: Ben", 1), (tablet.Conflict!.Current.Text, tablet.Conflict.Current.Version));
        Assert.Equal("Resources: library talk on Friday", tablet.Conflict.Yours);
        Assert.Equal(("Next chair: Ben", 1), await StoredAsync(f, session.Id, 2));

        await tablet.ResolveAsync("Next chair: Ben\nResources: library talk on Friday");
        Assert.Equal(("Next chair: Ben\nResources: library talk on Friday", 2), await StoredAsync(f, session.Id, 2));

        // Typed on a screen that had drawn the laptop's words, it is simply the next version.
        laptop.Type("Next chair: Ben (confirmed)");
        await laptop.FlushAsync();
        Assert.Equal(NoteDraftStatus.Saved, laptop.Status);
        tablet.Type("Next chair: Ben (confirmed). Next meeting: Tuesday", tablet.LatestFromElsewhere);
        await tablet.FlushAsync();
        Assert.Equal(NoteDraftStatus.Saved, tablet.Status);
        Assert.Equal(("Next chair: Ben (confirmed). Next meeting: Tuesday", 4), await StoredAsync(f, session.Id, 2));
    }

    [Fact]
    public async Task TheSameTextAgain_SavesNothing()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await using var draft = new NoteDraft(f.Notes, Actor.Facilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1), f.Clock);
        draft.Type("Decided: coffee rota");
        await draft.FlushAsync();

        draft.Type("Decided: coffee rota");

        Assert.Equal(NoteDraftStatus.Saved, draft.Status);
        f.Clock.Advance(Quiet * 2);
        await draft.LastSave;
        Assert.Equal(("Decided: coffee rota", 1), await StoredAsync(f, session.Id, 1));
    }

    [Fact]
    public async Task SentAgainAfterADrop_ABoxNobodyTypedIn_LeavesWhatAnotherDeviceWroteMeanwhile()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await using var devices = await TwoDevicesAsync(f, session.Id);
        var (laptop, tablet) = (devices.Laptop, devices.Tablet);
        var shownOnTheTablet = tablet.LatestFromElsewhere;

        laptop.Type("Next chair: Ben");
        await laptop.FlushAsync();
        tablet.TypeAgain("", shownOnTheTablet, basedOn: 0);
        await tablet.FlushAsync();

        Assert.Equal(("Next chair: Ben", NoteDraftStatus.Saved), (tablet.Text, tablet.Status));
        Assert.Null(tablet.Conflict);
        Assert.Equal(("Next chair: Ben", 1), await StoredAsync(f, session.Id, 2));
    }

    [Fact]
    public async Task SentAgainAfterADrop_TypingThatHadArrived_LeavesWhatAnotherDeviceAddedToIt()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await using var devices = await TwoDevicesAsync(f, session.Id);
        var (laptop, tablet) = (devices.Laptop, devices.Tablet);
        var shownOnTheTablet = tablet.LatestFromElsewhere;
        tablet.Type("Next chair: Ben", shownOnTheTablet);
        await tablet.FlushAsync();

        laptop.Type("Next chair: Ben. Next meeting: Tuesday");
        await laptop.FlushAsync();
        tablet.TypeAgain("Next chair: Ben", shownOnTheTablet, basedOn: 1);
        await tablet.FlushAsync();

        Assert.Equal(("Next chair: Ben. Next meeting: Tuesday", NoteDraftStatus.Saved), (tablet.Text, tablet.Status));
        Assert.Equal(("Next chair: Ben. Next meeting: Tuesday", 2), await StoredAsync(f, session.Id, 2));
    }

    [Fact]
    public async Task SentAgainAfterADrop_TypingThatNeverArrived_IsSaved_ADeletionToo()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await using var devices = await TwoDevicesAsync(f, session.Id);
        var (laptop, tablet) = (devices.Laptop, devices.Tablet);
        tablet.Type("Next chair: Ben", tablet.LatestFromElsewhere);
        await tablet.FlushAsync();

        tablet.TypeAgain("Next chair: Ben. Leaflets from the library", tablet.LatestFromElsewhere, basedOn: 1);
        await tablet.FlushAsync();
        Assert.Equal(("Next chair: Ben. Leaflets from the library", 2), await StoredAsync(f, session.Id, 2));

        // The laptop adds a line; the tablet, having drawn it, takes the line out again just as its Wi-Fi goes: the
        // text it sends again is one it sent before, but typed over the laptop's words, so it is new.
        laptop.Type("Next chair: Ben. Leaflets from the library. Tea: Cai");
        await laptop.FlushAsync();
        Assert.Equal(3, tablet.LatestFromElsewhere);
        tablet.TypeAgain("Next chair: Ben. Leaflets from the library", tablet.LatestFromElsewhere, basedOn: 3);
        await tablet.FlushAsync();

        Assert.Equal(NoteDraftStatus.Saved, tablet.Status);
        Assert.Equal(("Next chair: Ben. Leaflets from the library", 4), await StoredAsync(f, session.Id, 2));
    }

    [Fact]
    public async Task SentAgainAfterAReload_OverTheScreensOwnSave_IsSaved_OverAnotherDevicesSave_ShowsBoth()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await using (var before = new NoteDraft(f.Notes, Actor.CoFacilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2), f.Clock))
        {
            before.Type("Next chair: Ben");
            await before.FlushAsync(); // version 1, this screen's own; it showed nothing from elsewhere after version 0
        }

        // The page reloads (its circuit was gone): a new draft, and the text typed after that save is sent again.
        await using (var reloaded = new NoteDraft(f.Notes, Actor.CoFacilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2), f.Clock))
        {
            var hearing = f.HearSaves(reloaded.Incoming);
            reloaded.TypeAgain("Next chair: Ben. Tea: Cai", seenFromElsewhere: 0, basedOn: 1);
            await reloaded.FlushAsync();
            Assert.Equal(NoteDraftStatus.Saved, reloaded.Status);
            Assert.Equal(("Next chair: Ben. Tea: Cai", 2), await StoredAsync(f, session.Id, 2));

            // The laptop builds on it; then the tablet, dropped again before it heard back, sends the same text once
            // more: nothing new, so the laptop's words stay.
            await f.Notes.SaveAsync(Actor.Facilitator, session.Id, 2, "Next chair: Ben. Tea: Cai. Room until 9", 2);
            reloaded.TypeAgain("Next chair: Ben. Tea: Cai", seenFromElsewhere: 0, basedOn: 1);
            await reloaded.FlushAsync();
            Assert.Equal(("Next chair: Ben. Tea: Cai. Room until 9", NoteDraftStatus.Saved), (reloaded.Text, reloaded.Status));
            Assert.Equal(("Next chair: Ben. Tea: Cai. Room until 9", 3), await StoredAsync(f, session.Id, 2));
            hearing.Dispose();
        }

        // Had the laptop saved after the box last drew the note, the text is shown beside the laptop's.
        await using var later = new NoteDraft(f.Notes, Actor.CoFacilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2), f.Clock);
        later.TypeAgain("Next chair: Ben. Tea: Cai. Leaflets", seenFromElsewhere: 0, basedOn: 2);
        await later.FlushAsync();
        Assert.Equal(NoteDraftStatus.Conflict, later.Status);
        Assert.Equal("Next chair: Ben. Tea: Cai. Room until 9", later.Conflict!.Current.Text);
        Assert.Equal(("Next chair: Ben. Tea: Cai. Room until 9", 3), await StoredAsync(f, session.Id, 2));
    }

    [Fact]
    public async Task SentAgainAfterAReload_OverTheTabsOwnSaveItNeverDrew_IsSaved_FromAnotherTab_ShowsBoth()
    {
        await using var f = new DraftFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");

        // The tablet's last keys arrived, and were saved (version 1) after its Wi-Fi had gone silent: its box never
        // drew that version. More is typed into the silence; the page reloads and sends its text again.
        await using (var before = new NoteDraft(f.Notes, Actor.CoFacilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2), f.Clock) { Screen = "tab-1" })
        {
            before.Type("Next chair: Ben", before.LatestFromElsewhere);
            await before.FlushAsync();
        }

        await using var elsewhere = new NoteDraft(f.Notes, Actor.Facilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2), f.Clock);
        elsewhere.TypeAgain("Next chair: Ben. Leaflets", seenFromElsewhere: 0, basedOn: 0, screen: "tab-2");
        Assert.Equal(NoteDraftStatus.Conflict, elsewhere.Status); // another tab's text over words it never drew

        await using var reloaded = new NoteDraft(f.Notes, Actor.CoFacilitator, await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2), f.Clock);
        reloaded.TypeAgain("Next chair: Ben. Tea: Cai", seenFromElsewhere: 0, basedOn: 0, screen: "tab-1");
        await reloaded.FlushAsync();

        Assert.Equal(NoteDraftStatus.Saved, reloaded.Status);
        Assert.Equal(("Next chair: Ben. Tea: Cai", 2), await StoredAsync(f, session.Id, 2));
    }

    // A laptop and a tablet with the same note open, each hearing the other's saves.
    private static async Task<TwoDevices> TwoDevicesAsync(DraftFixture f, FacilitatorKit.Engine.MeetingId meeting)
    {
        var loaded = await f.Notes.GetAsync(Actor.Facilitator, meeting, 2);
        var devices = new TwoDevices(new NoteDraft(f.Notes, Actor.Facilitator, loaded, f.Clock), new NoteDraft(f.Notes, Actor.CoFacilitator, loaded, f.Clock));
        f.HearSaves(devices.Laptop.Incoming);
        f.HearSaves(devices.Tablet.Incoming);
        return devices;
    }

    private sealed record TwoDevices(NoteDraft Laptop, NoteDraft Tablet) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Laptop.DisposeAsync();
            await Tablet.DisposeAsync();
        }
    }

    private static async Task<(string Text, int Version)> StoredAsync(DraftFixture f, FacilitatorKit.Engine.MeetingId meeting, int item)
    {
        var note = await f.Notes.GetAsync(Actor.Facilitator, meeting, item);
        return (note.Text, note.Version);
    }
}
