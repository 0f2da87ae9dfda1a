using Bunit;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;
using FacilitatorKit.Web.Notes;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class NotesBoxTests : NotesBoxTest
{
    [Fact]
    public async Task Notes_IsATextbox_CarryingItsNoteAsData_AndDescribedByTheReminder()
    {
        var (meeting, cut) = await RenderAsync();

        var box = cut.ByRole("textbox", "Notes");
        Assert.Equal(meeting.Id.Value.ToString(), box.GetAttribute("data-meeting"));
        Assert.Equal("1", box.GetAttribute("data-item"));
        Assert.Equal("0", box.GetAttribute("data-seen"));
        Assert.Equal("0", box.GetAttribute("data-version"));
        Assert.Equal([Words["Notes.Reminder"], "Saved"], Accessible.DescribedBy(box).Select(e => Accessible.TextOf(e)));
        Assert.StartsWith("Notes are for group business", Words["Notes.Reminder"], StringComparison.Ordinal);
        Assert.Contains("keep what people shared out of them", Words["Notes.Reminder"], StringComparison.Ordinal);
        Assert.Equal("status", Accessible.RoleOf(cut.Find("#notes-status")));
    }

    [Fact]
    public async Task ASavedNote_IsShown_WithItsVersion()
    {
        var (_, cut) = await RenderAsync(saved: "Next chair: Ben");

        var box = cut.ByRole("textbox", "Notes");
        Assert.Equal("Next chair: Ben", box.GetAttribute("value"));
        Assert.Equal("1", box.GetAttribute("data-seen"));
        Assert.Equal("1", box.GetAttribute("data-version"));
    }

    [Fact]
    public async Task Typing_IsSavedOnceTheTypingPauses()
    {
        var (meeting, cut) = await RenderAsync();

        await TypeAsync(cut, meeting, "Decided: coffee rota");

        Assert.Equal("Not saved yet", cut.Find("#notes-status").TextContent);
        Clock.Advance(NoteDraft.DefaultQuietPeriod);
        cut.WaitForAssertion(() => Assert.Equal("Saved", cut.Find("#notes-status").TextContent));
        cut.WaitForAssertion(() => Assert.Equal("1", cut.ByRole("textbox", "Notes").GetAttribute("data-version")));
        Assert.Equal("Decided: coffee rota", (await Notes.GetAsync(Actor.Facilitator, meeting.Id, 1)).Text);
    }

    [Fact]
    public async Task LeavingTheBox_SavesAtOnce()
    {
        var (meeting, cut) = await RenderAsync();
        await TypeAsync(cut, meeting, "Celebrations: Ben's first month");

        await SendAsync(cut, new NotesTypedEventArgs { Item = 1, Meeting = meeting.Id.Value.ToString(), Flush = true, FlushOnly = true }); // what the page sends on focusout

        Assert.Equal("Celebrations: Ben's first month", (await Notes.GetAsync(Actor.Facilitator, meeting.Id, 1)).Text);
    }

    [Fact]
    public async Task ANoteSavedOnAnotherDevice_ShowsInTheBox()
    {
        var (meeting, cut) = await RenderAsync();

        await Notes.SaveAsync(Actor.CoFacilitator, meeting.Id, 1, "Resources: the helpline leaflet", 0);

        cut.WaitForAssertion(() => Assert.Equal("Resources: the helpline leaflet", cut.ByRole("textbox", "Notes").GetAttribute("value")));
        Assert.Equal("1", cut.ByRole("textbox", "Notes").GetAttribute("data-seen"));
    }

    [Fact]
    public async Task TypingOverTextThatChangedElsewhere_ShowsBothTexts_AndLosesNeither()
    {
        var (meeting, cut) = await RenderAsync();
        await Notes.SaveAsync(Actor.CoFacilitator, meeting.Id, 1, "Resources: the helpline leaflet", 0);
        cut.WaitForAssertion(() => Assert.Equal("1", cut.ByRole("textbox", "Notes").GetAttribute("data-seen")));

        await TypeAsync(cut, meeting, "Resources: library talk on Friday", seen: 0); // typed on the screen before it showed the other save

        cut.WaitForAssertion(() => Assert.Equal("Not saved: changed on another device", cut.Find("#notes-status").TextContent));
        var conflict = cut.Find(".conflict");
        Assert.Contains("Resources: the helpline leaflet", Accessible.TextOf(conflict), StringComparison.Ordinal);
        Assert.Contains("Resources: library talk on Friday", Accessible.TextOf(conflict), StringComparison.Ordinal);

        await cut.ByRole("button", "Keep both").ClickAsync(new());

        Assert.Equal("Resources: the helpline leaflet" + Environment.NewLine + "Resources: library talk on Friday", (await Notes.GetAsync(Actor.Facilitator, meeting.Id, 1)).Text);
    }
}
