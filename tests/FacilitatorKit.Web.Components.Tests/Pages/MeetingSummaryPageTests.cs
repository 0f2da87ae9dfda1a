using Bunit;
using FacilitatorKit.Application.Summaries;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Web.Components.Tests.Pages;

/// <summary>The summary page (issue 13 §1): typed text is shown as text, and it is edited only once the meeting has ended.</summary>
public class MeetingSummaryPageTests : ComponentTest
{
    [Fact]
    public async Task TypedText_IsShownAsText_NeverAsMarkup()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await Notes.SaveAsync(Actor.Facilitator, meeting.Id, meeting.State.CurrentItemId!.Value.Value, "<img src=x onerror=alert(1)> <b>bold</b>", 0);
        await meeting.DoAsync(new EndMeeting(CommandId.New()));

        var page = Context.Render<MeetingSummaryPage>(p => p.Add(c => c.Id, meeting.Id.Value));
        page.WaitForAssertion(() => Assert.Contains("<b>bold</b>", page.Find("article.summary-document").TextContent, StringComparison.Ordinal));

        Assert.Empty(page.FindAll("article.summary-document img"));
        Assert.Empty(page.FindAll("article.summary-document b"));
        Assert.DoesNotContain("Airtime", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BeforeTheMeetingEnds_TheSummaryIsRead_WithNoWayToEditIt()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();

        var page = Context.Render<MeetingSummaryPage>(p => p.Add(c => c.Id, meeting.Id.Value));
        page.WaitForAssertion(() => Assert.Contains(Words["Summary.NotEndedYet"], page.Markup, StringComparison.Ordinal));

        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains(Words["Summary.Edit"], StringComparison.Ordinal));
    }

    // A room display's invite never reaches this page (its policy is the co-facilitator view's: AccessTests).
    [Theory]
    [InlineData(Role.CoFacilitator, true)]
    [InlineData(Role.Facilitator, true)]
    public async Task OnlyFacilitatorRoles_CanEdit_OthersReadItAndAreToldWhy(Role role, bool edits)
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        if (role != Role.Facilitator)
        {
            // A device invited in this role, which joined while the meeting ran.
            var invites = Services.GetRequiredService<FacilitatorKit.Web.Access.Invites>();
            var made = await invites.CreateAsync(meeting.Id, role);
            var device = await invites.JoinAsync((await invites.FindAsync(made.Token))!, "tablet");
            SignIn(new FacilitatorKit.Web.Access.Who(device.Id, null, null, made.Id, meeting.Id.Value, role));
        }

        await meeting.DoAsync(new EndMeeting(CommandId.New()));

        var page = Context.Render<MeetingSummaryPage>(p => p.Add(c => c.Id, meeting.Id.Value));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("article.summary-document")));

        Assert.Equal(edits, page.FindAll("button").Any(b => b.TextContent.Contains(Words["Summary.Edit"], StringComparison.Ordinal)));
        if (edits)
        {
            Assert.DoesNotContain(Words.Of(new Refusal(RefusalReason.RoleMayNot) { Role = role, Action = MeetingAction.Notes }), page.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ASave_IsStoredAsVersion1_ThenSaidSaved()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        await meeting.DoAsync(new EndMeeting(CommandId.New()));
        var page = Context.Render<MeetingSummaryPage>(p => p.Add(c => c.Id, meeting.Id.Value));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("button"), b => b.TextContent.Contains(Words["Summary.Edit"], StringComparison.Ordinal)));

        page.FindAll("button").Single(b => b.TextContent.Contains(Words["Summary.Edit"], StringComparison.Ordinal)).Click();
        page.FindAll("button").Single(b => b.TextContent.Contains(Words["Summary.AddDecision", ("Item", "Welcome")], StringComparison.Ordinal)).Click();
        page.Find("form.summary-edit textarea, form.summary-edit input").Change("Tea rota");
        page.Find("form.summary-edit").Submit();

        page.WaitForAssertion(() => Assert.Contains(Words["Summary.Saved", ("Version", 1)], page.Markup, StringComparison.Ordinal));
        var stored = await Services.GetRequiredService<SummaryService>().GetAsync(meeting.Id);
        Assert.Equal(1, stored!.Version);
        Assert.Equal(["Tea rota"], stored.Content.Items[0].Decisions);
    }
}
