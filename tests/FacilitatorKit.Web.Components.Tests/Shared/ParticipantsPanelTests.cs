using AngleSharp.Dom;
using Bunit;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;
using Microsoft.AspNetCore.Components.Web;

namespace FacilitatorKit.Web.Components.Tests.Shared;

public class ParticipantsPanelTests : ComponentTest
{
    private IRenderedComponent<ParticipantsPanel> Render(TestMeeting meeting) =>
        Context.Render<ParticipantsPanel>(p => p.Add(c => c.View, ViewOf(meeting)).Add(c => c.Send, SendAs(meeting)));

    [Fact]
    public async Task Participants_AreListed_WithTheFieldsToAddSomeoneOnTheSpot()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);

        var cut = Render(meeting);

        var people = cut.ByRole("list", "Participants").AllByRole("listitem");
        Assert.Equal(["Ana", "Ben"], people.Select(p => p.QuerySelector(".name")!.TextContent));
        Assert.Equal(["chair"], people[0].QuerySelectorAll(".tag").Select(t => t.TextContent));
        Assert.Equal(["Ana stepped out", "Ben stepped out"], people.Select(p => Accessible.NameOf(Assert.Single(p.AllByRole("button")))));
        cut.ByRole("textbox", "Participant name");
        Assert.Equal(["Guest", "Newcomer"], cut.ByRole("combobox", "Joins as").QuerySelectorAll("option").Select(o => o.TextContent));
        cut.ByRole("button", "Add participant");
        Assert.Equal("", Accessible.TextOf(Assert.Single(cut.AllByRole("alert"))));
    }

    [Fact]
    public async Task AddParticipant_AddsTheNewcomerToTheMeeting_AndClearsTheField()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = Render(meeting);

        await cut.ByRole("textbox", "Participant name").InputAsync(new() { Value = "Dee" });
        await cut.ByRole("combobox", "Joins as").ChangeAsync(new() { Value = nameof(ParticipantKind.Newcomer) });
        await cut.ByRole("button", "Add participant").ClickAsync(new());

        var dee = Assert.Single(meeting.State.Participants, p => p.Name == "Dee");
        Assert.Equal(ParticipantKind.Newcomer, dee.Kind);
        Assert.True(dee.IsPresent);
        Assert.Equal("", cut.ByRole("textbox", "Participant name").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task TheNameFieldsForm_AddsTheParticipant_SoEnterInTheFieldDoes()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = Render(meeting);
        var field = cut.ByRole("textbox", "Participant name");
        var form = field.Closest("form")!;

        await field.InputAsync(new() { Value = "Eli" });
        Assert.Equal("submit", form.ByRole("button", "Add participant").GetAttribute("type"));
        await form.SubmitAsync();

        Assert.Contains(meeting.State.Participants, p => p.Name == "Eli" && p.Kind == ParticipantKind.Guest);
    }

    [Fact]
    public async Task ABadName_IsExplainedNextToTheField_AndTheTypingIsKept()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = Render(meeting);
        var tooLong = new string('a', 41);

        await cut.ByRole("textbox", "Participant name").InputAsync(new() { Value = tooLong });
        await cut.ByRole("button", "Add participant").ClickAsync(new());

        var field = cut.ByRole("textbox", "Participant name");
        var alert = Assert.Single(cut.AllByRole("alert"));
        Assert.Equal("A name can be at most 40 characters. A first name or an alias is enough.", Accessible.TextOf(alert));
        Assert.Equal([alert.Id], Accessible.DescribedBy(field).Select(e => e.Id));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal(tooLong, field.GetAttribute("value"));
        Assert.Equal(2, meeting.State.Participants.Count);
    }

    [Fact]
    public async Task AnEmptyName_IsExplainedNextToTheField()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = Render(meeting);

        await cut.ByRole("button", "Add participant").ClickAsync(new());

        Assert.Equal("Please enter a name.", Accessible.TextOf(Assert.Single(cut.AllByRole("alert"))));
    }

    [Fact]
    public async Task HasLeft_AsksOnce_ThenMarksThePersonAsGone()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await Render(meeting).ByRole("button", "Ben stepped out").PressAsync();
        var cut = Render(meeting);
        await cut.ByRole("button", "Ben has left").ClickAsync(new());
        Assert.True(meeting.State.IsPresent(meeting["Ben"])); // asked, not done
        await cut.ByRole("group", "Has Ben left for tonight?").ByRole("button", "Yes, Ben has left").PressAsync();

        Assert.False(meeting.State.IsPresent(meeting["Ben"]));
    }

    [Fact]
    public async Task HasLeft_NotYet_KeepsThemHere()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await Render(meeting).ByRole("button", "Ben stepped out").PressAsync();
        var cut = Render(meeting);
        await cut.ByRole("button", "Ben has left").ClickAsync(new());
        await cut.ByRole("group", "Has Ben left for tonight?").ByRole("button", "Not yet").ClickAsync(new());

        Assert.True(meeting.State.IsPresent(meeting["Ben"]));
        cut.ByRole("button", "Ben has left");
    }

    /// <summary>B5: stepping out keeps the person and their place; one press, undone by "is back" in the same spot.</summary>
    [Fact]
    public async Task SteppedOut_IsMarked_AndIsBackInTheSamePlace_AndADoubleTapDoesNotUndoIt()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        IElement BenRow() => Render(meeting).ByRole("list", "Participants").AllByRole("listitem")[1];

        await BenRow().ByRole("button", "Ben stepped out").PressAsync();
        await BenRow().ByRole("button", "Ben is back").PressAsync(clickCount: 2); // the second click of a double tap

        Assert.True(meeting.State.IsSteppedOut(meeting["Ben"]));
        Assert.True(meeting.State.IsPresent(meeting["Ben"]));
        Assert.Equal("stepped out", BenRow().QuerySelector(".tag")?.TextContent);
        Assert.Equal(["Ben is back", "Ben has left"], BenRow().AllByRole("button").Select(Accessible.NameOf));

        await BenRow().ByRole("button", "Ben is back").PressAsync();

        Assert.False(meeting.State.IsSteppedOut(meeting["Ben"]));
        Assert.Equal(["Ben stepped out"], BenRow().AllByRole("button").Select(Accessible.NameOf));
    }

    /// <summary>B5: someone who stepped out and came back became two people, with two airtime rows and "not spoken yet" again.</summary>
    [Fact]
    public async Task SomeoneWhoLeft_IsBack_AsTheSamePerson_WithTheirSeatAndTheirAirtime()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await meeting.GoToAsync("Open discussion");
        await meeting.RaiseAsync("Ben");
        await meeting.NextSpeakerAsync();
        meeting.Wait(TimeSpan.FromMinutes(2));
        await meeting.DoAsync(new EndTurn(CommandId.New(), meeting.State.CurrentTurn!.Id));
        var ben = meeting["Ben"];
        await meeting.DoAsync(new MarkParticipantLeft(CommandId.New(), ben));

        var cut = Render(meeting);
        var left = cut.ByRole("list", "Left tonight");
        await left.ByRole("button", "Ben is back").ClickAsync(new());

        Assert.True(meeting.State.IsPresent(ben));
        Assert.Equal(["Ana", "Ben", "Cai"], meeting.State.Participants.Select(p => p.Name)); // one Ben, in his seat
        Assert.Equal(TimeSpan.FromMinutes(2), meeting.State.AirtimeTotals[ben]);
    }

    [Fact]
    public async Task AddingTheNameOfSomeoneWhoLeft_SaysTheyCanComeBackAsThemselves()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.DoAsync(new MarkParticipantLeft(CommandId.New(), meeting["Ben"]));
        var cut = Render(meeting);

        await cut.ByRole("textbox", "Participant name").InputAsync(new() { Value = "Ben" });
        await cut.ByRole("button", "Add participant").ClickAsync(new());

        Assert.Equal(2, meeting.State.Participants.Count);
        Assert.StartsWith("Ben was here earlier tonight and left.", Accessible.TextOf(Assert.Single(cut.AllByRole("alert"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceEnded_NobodyIsAddedOrMarked()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await (await meeting.StartAsync()).EndAsync();

        var cut = Render(meeting);

        Assert.Empty(cut.AllByRole("button"));
        Assert.Empty(cut.AllByRole("textbox"));
    }

    /// <summary>B6: the Guest and Newcomer kinds were never shown, so nobody saw whom to welcome.</summary>
    [Fact]
    public async Task GuestsAndNewcomers_AreMarked_SoTheyCanBeWelcomed()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.DoAsync(new AddParticipant(CommandId.New(), new Participant(ParticipantId.New(), "Gia", ParticipantKind.Guest)));
        await meeting.DoAsync(new AddParticipant(CommandId.New(), new Participant(ParticipantId.New(), "Noor", ParticipantKind.Newcomer)));

        var rows = Render(meeting).ByRole("list", "Participants").AllByRole("listitem");

        Assert.Equal(["Ana", "Ben", "Gia", "Noor"], rows.Select(r => r.QuerySelector(".name")!.TextContent));
        Assert.Equal(["chair", null, "guest", "newcomer"], rows.Select(r => r.QuerySelector(".tag")?.TextContent.Trim()));
    }

    /// <summary>B6: a member arriving late joins as that member; only members not here tonight (and still in the group) are offered.</summary>
    [Fact]
    public async Task AMemberArrivingLate_JoinsAsThemselves_AndOnlyMembersNotHereAreOffered()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.DoAsync(new MarkParticipantLeft(CommandId.New(), meeting["Cai"]));
        var dee = new Application.Groups.MemberRecord { Id = Guid.NewGuid(), Name = "Dee" };
        var gone = new Application.Groups.MemberRecord { Id = Guid.NewGuid(), Name = "Eli", HasLeft = true };
        Application.Groups.MemberRecord[] members =
        [
            new() { Id = meeting["Ana"].Value, Name = "Ana" }, new() { Id = meeting["Cai"].Value, Name = "Cai" }, dee, gone,
        ];
        IRenderedComponent<ParticipantsPanel> RenderWithMembers() => Context.Render<ParticipantsPanel>(p => p
            .Add(c => c.View, ViewOf(meeting)).Add(c => c.Send, SendAs(meeting)).Add(c => c.Members, members));

        var late = RenderWithMembers().ByRole("combobox", "Member arriving late");
        Assert.Equal(["Choose a member", "Dee"], late.QuerySelectorAll("option").Select(o => o.TextContent));
        await late.ChangeAsync(new() { Value = dee.Id.ToString() });
        await late.Closest("form")!.SubmitAsync();

        var joined = Assert.Single(meeting.State.Participants, p => p.Name == "Dee");
        Assert.Equal((dee.Id, ParticipantKind.Member), (joined.Id.Value, joined.Kind));
        Assert.False(RenderWithMembers().HasRole("combobox", "Member arriving late"));
    }

    /// <summary>Issue 13 §4: a guest typed with a full name gets the gentle hint under the field, never an error.</summary>
    [Fact]
    public async Task AFullName_GetsTheAnonymityHint()
    {
        var meeting = await NewMeetingAsync(["Ana"]);
        var cut = Render(meeting);
        Assert.Equal("", Accessible.TextOf(cut.Find(".name-hint")));

        await cut.ByRole("textbox", "Participant name").InputAsync(new() { Value = "Sam Brown" });

        Assert.Equal("First names or aliases keep members anonymous.", Accessible.TextOf(cut.Find(".name-hint")));
        Assert.Equal("status", cut.Find(".name-hint").GetAttribute("role"));
        Assert.Equal("false", cut.ByRole("textbox", "Participant name").GetAttribute("aria-invalid"));
    }
}
