using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

public class NoteServiceTests
{
    [Fact]
    public async Task Save_NewThenEdit_BumpsTheVersion_AndKeepsTextAsTyped()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        const string text = "Decided: <b>coffee</b> rota\n- Ana brings cups";

        var first = await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 2, text, basedOnVersion: 0);
        var second = await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 2, text + "\n- Ben: leaflets", basedOnVersion: 1);

        Assert.Equal((NoteSaveStatus.Saved, 1), (first.Status, first.Current.Version));
        Assert.Equal((NoteSaveStatus.Saved, 2), (second.Status, second.Current.Version));
        Assert.Equal(text + "\n- Ben: leaflets", (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 2)).Text);
    }

    [Fact]
    public async Task Save_TwoDevicesEditTheSameVersion_OneWins_TheOtherGetsBothTexts()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 1, "Next meeting: Tuesday", 0);

        var laptop = await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 1, "Next meeting: Tuesday 7pm", basedOnVersion: 1);
        var tablet = await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 1, "Next meeting: Tuesday, Ben chairs", basedOnVersion: 1);

        Assert.Equal(NoteSaveStatus.Saved, laptop.Status);
        Assert.Equal(NoteSaveStatus.Conflict, tablet.Status);
        Assert.Equal("Next meeting: Tuesday 7pm", tablet.Current.Text);
        Assert.Equal("Next meeting: Tuesday, Ben chairs", tablet.Yours);
        Assert.Equal("Next meeting: Tuesday 7pm", (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1)).Text);
    }

    [Fact]
    public async Task Save_TwoDevicesCreateTheSameNote_IsAConflictNotAnOverwrite()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");

        await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 3, "first", 0);
        var second = await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 3, "second", 0);

        Assert.Equal(NoteSaveStatus.Conflict, second.Status);
        Assert.Equal("first", (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 3)).Text);
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("nul\0")]
    public async Task Save_ControlCharacters_AreRefused_AndNothingIsLost(string text)
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 1, "kept", 0);

        var result = await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 1, text, 1);

        Assert.Equal(NoteSaveStatus.Refused, result.Status);
        Assert.Equal(text, result.Yours);
        Assert.Equal("kept", (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1)).Text);
    }

    [Fact]
    public async Task Save_TooLong_IsRefusedWithItsLimit()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");

        var result = await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 1, new string('x', NoteService.MaxLength + 1), 0);

        Assert.Equal(NoteSaveStatus.Refused, result.Status);
        Assert.True(result.Problem!.Is(InputProblem.NoteTooLong));
        Assert.Equal(20_000, result.Problem.Args["Max"]);
    }

    [Fact]
    public async Task Save_ByTheRoomDisplay_IsRefused_AndNothingIsWritten()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");

        var result = await f.Notes.SaveAsync(Actor.Display, session.Id, 1, "hello", 0);

        Assert.Equal(NoteSaveStatus.Refused, result.Status);
        Assert.Equal((RefusalReason.RoleMayNot, Role.Display), (result.Problem!.Refusal!.Reason, result.Problem.Refusal.Role));
        Assert.Equal(0, (await f.Notes.GetAsync(Actor.Facilitator, session.Id, 1)).Version);
    }

    [Fact]
    public async Task Saved_IsAnnouncedAfterEachStoredSave_NotAfterAConflictOrARefusal()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        var heard = new List<NoteSnapshot>();
        using var watching = f.Host.Live.WatchNotes(session.Id, heard.Add);
        using var elsewhere = f.Host.Live.WatchNotes(MeetingId.New(), _ => Assert.Fail("Another meeting's notes box heard this meeting's note."));

        await f.Notes.SaveAsync(Actor.Facilitator, session.Id, 3, "Decided: coffee rota", 0);
        await f.Notes.SaveAsync(Actor.CoFacilitator, session.Id, 3, "a stale edit", 0);        // a conflict
        await f.Notes.SaveAsync(Actor.Display, session.Id, 3, "the display cannot write", 1); // refused
        await f.Notes.SaveAsync(Actor.Facilitator, session.Id, 3, "Decided: coffee rota (Ana)", 1);

        Assert.Equal([("Decided: coffee rota", 1), ("Decided: coffee rota (Ana)", 2)], heard.Select(n => (n.Text, n.Version)));
    }

    [Fact]
    public async Task Saved_AHandlerThatThrows_NeverFailsTheSave()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        var heard = 0;
        using var gone = f.Host.Live.WatchNotes(session.Id, _ => throw new InvalidOperationException("a view that has gone"));
        using var here = f.Host.Live.WatchNotes(session.Id, _ => heard++);

        var saved = await f.Notes.SaveAsync(Actor.Facilitator, session.Id, 3, "kept", 0);

        Assert.Equal(NoteSaveStatus.Saved, saved.Status);
        Assert.Equal(1, heard);
    }

    [Fact]
    public async Task ForMeeting_GivesEveryNoteWithText_InItemOrder()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await f.Notes.SaveAsync(Actor.Facilitator, session.Id, 5, "Celebrations: Dev, one year", 0);
        await f.Notes.SaveAsync(Actor.Facilitator, session.Id, 2, "Resources: leaflets", 0);
        await f.Notes.SaveAsync(Actor.Facilitator, session.Id, 4, "", 0);

        var notes = await f.Notes.ForMeetingAsync(Actor.Facilitator, session.Id);

        Assert.Equal([(2, "Resources: leaflets"), (5, "Celebrations: Dev, one year")], notes.Select(n => (n.Item, n.Text)));
    }
}
