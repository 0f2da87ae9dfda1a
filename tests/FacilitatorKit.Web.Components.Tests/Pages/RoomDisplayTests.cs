using Bunit;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Web.Components.Layout;
using FacilitatorKit.Web.Components.Pages;
using FacilitatorKit.Web.Components.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Tests.Pages;

/// <summary>The room display, "/meetings/{id}/display": who speaks, for how long, and who is next. Never airtime, never notes.</summary>
public class RoomDisplayTests : ComponentTest
{
    private const string Note = "Next chair: Ben";

    /// <summary>Ben speaking in the open discussion after Cai spoke for 2 minutes, Ana waiting, a note saved.</summary>
    private async Task<TestMeeting> BusyMeetingAsync()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben", "Cai"]);
        await meeting.StartAsync();
        await Notes.SaveAsync(Actor.Facilitator, meeting.Id, 1, "Welcome note", 0);
        await meeting.GoToAsync("Open discussion");
        await Notes.SaveAsync(Actor.Facilitator, meeting.Id, meeting.State.CurrentItemId!.Value.Value, Note, 0);
        await meeting.RaiseAsync("Cai");
        await meeting.NextSpeakerAsync();
        await meeting.Wait(TimeSpan.FromMinutes(2)).RaiseAsync("Ben");
        await meeting.NextSpeakerAsync();
        return await meeting.RaiseAsync("Ana");
    }

    [Fact]
    public async Task RoomDisplay_NeverRendersAirtimeOrNotes()
    {
        var meeting = await BusyMeetingAsync();

        var cut = RenderPage<RoomDisplay>(meeting.Id.Value);

        Assert.False(cut.HasRole("region", "Airtime"));
        Assert.False(cut.HasRole("textbox", "Notes"));
        Assert.False(cut.HasRole("region", "Notes from other items"));
        Assert.DoesNotContain(Note, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome note", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Balance", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("2:00", cut.Markup, StringComparison.Ordinal); // Cai's airtime
    }

    [Fact]
    public async Task RoomDisplay_HasNoControlsAtAll_EvenWithItsLayout()
    {
        var meeting = await BusyMeetingAsync();

        var screen = Context.Render<BareLayout>(p => p.Add(l => l.Body, (RenderFragment)(b =>
        {
            b.OpenComponent<RoomDisplay>(0);
            b.AddAttribute(1, nameof(RoomDisplay.Id), meeting.Id.Value);
            b.CloseComponent();
        })));
        screen.WaitForAssertion(() => screen.ByRole("region", "Current speaker"));

        foreach (var role in new[] { "button", "link", "textbox", "combobox", "checkbox" })
        {
            Assert.Empty(screen.AllByRole(role));
        }
    }

    [Fact]
    public async Task RoomDisplay_ShowsTheItem_WhoIsSpeaking_TheCountdown_AndWhoIsNext()
    {
        var meeting = await BusyMeetingAsync();

        var cut = RenderPage<RoomDisplay>(meeting.Id.Value);

        Assert.Equal("Open discussion", Accessible.TextOf(cut.Find("h1")));
        var speaker = cut.ByRole("region", "Current speaker");
        Assert.Equal("Ben", speaker.QuerySelector(".speaker-name")!.TextContent.Trim());
        Assert.Equal("3:00", Accessible.TextOf(Assert.Single(speaker.AllByRole("timer"))));
        Assert.Equal("Next: Ana", cut.Find(".display-next").TextContent);
    }

    [Fact]
    public async Task RoomDisplay_ChimesOnlyIfTheGroupTurnedTheChimeOn()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        Assert.Equal("off", RenderPage<RoomDisplay>(meeting.Id.Value).Find(".display").GetAttribute("data-chime"));

        await Groups.SetSoftChimeAsync(meeting.Group.Id, true);

        Assert.Equal("on", RenderPage<RoomDisplay>(meeting.Id.Value).Find(".display").GetAttribute("data-chime"));
    }

    [Fact]
    public async Task RoomDisplay_ActsAsTheDisplay()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);

        RenderPage<RoomDisplay>(meeting.Id.Value);

        Assert.Equal(Actor.Display, Device.Actor);
    }

    [Fact]
    public async Task RoomDisplay_FollowsTheMeetingLive_FromWelcomeToThankYou()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        var cut = RenderPage<RoomDisplay>(meeting.Id.Value);
        Assert.Equal("Welcome", Accessible.TextOf(cut.Find("h1")));

        await meeting.StartAsync();
        await meeting.RaiseAsync("Ben");
        await meeting.NextSpeakerAsync();
        cut.WaitForAssertion(() => Assert.Equal("Ben", cut.Find(".speaker-name").TextContent.Trim()));

        await meeting.EndAsync();
        cut.WaitForAssertion(() => Assert.Equal("Thank you for coming", Accessible.TextOf(cut.Find("h1"))));
    }

    [Fact]
    public async Task AfterTheLastItem_TheDisplayDoesNotSayWelcomeAgain()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        while (meeting.State.CurrentItem is not null)
        {
            await meeting.NextItemAsync();
        }

        Assert.Equal("That was the last item", Accessible.TextOf(RenderPage<RoomDisplay>(meeting.Id.Value).Find("h1")));
        await meeting.EndAsync();
        Assert.Equal("Thank you for coming", Accessible.TextOf(RenderPage<RoomDisplay>(meeting.Id.Value).Find("h1")));
    }

    [Fact]
    public async Task DuringTheWelcome_TheDisplayShowsTheGroundRules_TheConfidentialityStatement_AndTheThreeAssumptions()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();

        var cut = RenderPage<RoomDisplay>(meeting.Id.Value);

        var opening = cut.ByRole("region", "Our ground rules");
        Assert.Equal(["Ground rules", "Confidentiality", "The three assumptions"], opening.AllByRole("heading").Select(h => Accessible.TextOf(h)));
        Assert.Equal(
            ["Each person can contribute.", "Each person is the authority on their own needs.", "Communication is open and honest."],
            opening.AllByRole("list")[2].AllByRole("listitem").Select(i => Accessible.TextOf(i)));
    }

    [Fact]
    public async Task TheGroupsOwnWording_IsShownAsPlainText_AndAnEmptiedScriptIsNotShown()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await Groups.ChangeSettingsAsync(meeting.Group.Id, new(meeting.Group.Name, meeting.Group.Kind, null, "<b>One at a time</b>\n\nPhones away", "", null));
        await meeting.StartAsync();

        var cut = RenderPage<RoomDisplay>(meeting.Id.Value);

        var opening = cut.ByRole("region", "Our ground rules");
        Assert.Equal(["Ground rules", "The three assumptions"], opening.AllByRole("heading").Select(h => Accessible.TextOf(h)));
        Assert.Equal(["<b>One at a time</b>", "Phones away"], opening.AllByRole("list")[0].AllByRole("listitem").Select(i => i.TextContent));
        Assert.Empty(opening.QuerySelectorAll("b"));
    }

    [Fact]
    public async Task AfterTheWelcome_TheOpeningScriptsAreGone()
    {
        var meeting = await NewMeetingAsync(["Ana", "Ben"]);
        await meeting.StartAsync();
        var cut = RenderPage<RoomDisplay>(meeting.Id.Value);
        cut.ByRole("region", "Our ground rules");

        await meeting.NextItemAsync();

        cut.WaitForAssertion(() => Assert.False(cut.HasRole("region", "Our ground rules")));
    }
}
