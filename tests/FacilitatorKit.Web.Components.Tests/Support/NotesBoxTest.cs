using Bunit;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Notes;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>The notes box on a facilitator's device, and what its page sends it.</summary>
public abstract class NotesBoxTest : ComponentTest
{
    /// <summary>The notes box of the meeting's first item (Welcome), on a facilitator's device.</summary>
    protected async Task<(TestMeeting Meeting, IRenderedComponent<NotesBox> Cut)> RenderAsync(string? saved = null)
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        if (saved is not null)
        {
            await Notes.SaveAsync(Actor.CoFacilitator, meeting.Id, 1, saved, 0);
        }

        Device.ActAs(Actor.Facilitator);
        var view = ViewOf(meeting);
        var cut = Context.Render<NotesBox>(p => p
            .Add(c => c.Meeting, meeting.Id)
            .Add(c => c.Item, 1)
            .Add(c => c.TitleOf, view.ItemTitle));
        cut.WaitForAssertion(() => cut.ByRole("textbox", "Notes"));
        return (meeting, cut);
    }

    // The page sends the box's text to its panel (the section) once the typing pauses, never with an event on the box
    // itself, which Blazor would send the whole text with a second time (NotesBox.razor.js).
    protected static Task TypeAsync(IRenderedComponent<NotesBox> cut, TestMeeting meeting, string text, int seen = 0, int item = 1, bool flush = false) =>
        SendAsync(cut, new NotesTypedEventArgs { Value = text, Item = item, Seen = seen, Meeting = meeting.Id.Value.ToString(), Flush = flush });

    protected static Task SendAsync(IRenderedComponent<NotesBox> cut, NotesTypedEventArgs e) =>
        cut.Find("section.notes").TriggerEventAsync("onnotestyped", e);

    protected static string StatusOf(IRenderedComponent<NotesBox> cut) => cut.Find("#notes-status").TextContent;
}
