using Bunit;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class MeetingNotesTests : ComponentTest
{
    private IRenderedComponent<MeetingNotes> Render(TestMeeting meeting) =>
        Context.Render<MeetingNotes>(p => p.Add(c => c.View, ViewOf(meeting)));

    private async Task SaveNoteAsync(TestMeeting meeting, string title, string text)
    {
        var item = meeting.State.Agenda.Single(i => i.Title == title).Id.Value;
        var current = await Notes.GetAsync(Actor.Facilitator, meeting.Id, item);
        await Notes.SaveAsync(Actor.CoFacilitator, meeting.Id, item, text, current.Version);
    }

    [Fact]
    public async Task WithNoNotes_ThereIsNothingToShow()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();

        var cut = Render(meeting);

        Assert.Empty(cut.AllByRole("region"));
    }

    [Fact]
    public async Task TheNotesOfOtherItems_AreTheRegionNotesFromOtherItems_ButNotTheCurrentItems()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await SaveNoteAsync(meeting, "Welcome", "Next chair: Ben");
        await meeting.NextItemAsync();
        await SaveNoteAsync(meeting, "Check-in", "In the notes box, not here");

        var region = Render(meeting).ByRole("region", "Notes from other items");

        Assert.Equal("Notes from other items Welcome Next chair: Ben", Accessible.TextOf(region));
    }

    [Fact]
    public async Task OnceTheMeetingHasEnded_TheyAreTheMeetingNotes()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await SaveNoteAsync(meeting, "Welcome", "Decided: coffee rota");
        await meeting.EndAsync();

        var region = Render(meeting).ByRole("region", "Meeting notes");

        Assert.Contains("Decided: coffee rota", Accessible.TextOf(region), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoteSavedOnAnotherDevice_ShowsAtOnce()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await meeting.NextItemAsync();
        var cut = Render(meeting);

        await SaveNoteAsync(meeting, "Welcome", "Resources: the helpline leaflet");

        cut.WaitForAssertion(() => Assert.Contains("Resources: the helpline leaflet", Accessible.TextOf(cut.ByRole("region", "Notes from other items")), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notes_AreShownAsTyped_NeverAsMarkup()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await SaveNoteAsync(meeting, "Welcome", "<b>Decided</b>");
        await meeting.NextItemAsync();

        var note = Render(meeting).Find(".note-text");

        Assert.Equal("<b>Decided</b>", note.TextContent);
        Assert.Empty(note.Children);
    }
}
