using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 11, item 9: the console was about 1,880 px tall at 1366 x 768, the queue started about 800 px down and the
/// hands about 990 px down. During sharing, with eight people, everything the facilitator works with must be on the
/// screen without scrolling.
/// </summary>
public sealed class LaptopConsoleTests(WebAppFixture app, ITestOutputHelper output) : BrowserTest(app)
{
    private static readonly string[] Eight = ["Alex", "Blake", "Casey", "Dana", "Eli", "Fay", "Gus", "Hana"];

    [Fact]
    public async Task During_Sharing_At1366x768_TheItemTheSpeakerTheQueueAndEveryHand_AreOnScreenWithoutScrolling()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, Eight);
        await SharingWithASpeakerAndThreeWaitingAsync(meeting);
        var console = new ConsolePage((await OpenDeviceAsync("laptop", new ViewportSize { Width = 1366, Height = 768 })).Page);

        await console.GotoAsync(meeting);
        await console.ExpectCurrentItemAsync("Sharing");
        await console.ExpectQueueAsync("Casey", "Dana", "Eli");

        var screenshot = Path.Combine(Path.GetTempPath(), $"fk-console-1366x768-{Guid.NewGuid():N}.png");
        await console.Page.ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"screenshot: {screenshot}");

        ILocator[] mustBeOnScreen =
        [
            console.CurrentItem, console.NextItemButton,
            console.CurrentSpeaker, console.Timer, console.PauseButton, console.AddAMinuteButton, console.EndTurnButton, console.PassButton,
            console.SpeakerQueue, console.NextSpeakerButton,
            .. Eight.Select(console.RaiseHandFor),
        ];
        foreach (var control in mustBeOnScreen)
        {
            await Expect(control).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        Assert.Equal(0, await console.Page.EvaluateAsync<int>("() => window.scrollY"));
    }

    /// <summary>Straight through the engine: Sharing, Blake speaking with a countdown, Casey, Dana and Eli waiting.</summary>
    private async Task SharingWithASpeakerAndThreeWaitingAsync(Guid meeting)
    {
        var session = (await App.Services.GetRequiredService<MeetingSessions>().GetAsync(new MeetingId(meeting)))!;
        async Task Do(MeetingCommand command) => Assert.True((await session.SubmitAsync(command, Engine.Roles.Actor.Facilitator)).IsAccepted, command.ToString());
        ParticipantId Id(string name) => session.State.Participants.Single(p => p.Name == name).Id;

        await Do(new StartMeeting(CommandId.New()));
        while (session.State.CurrentItem?.Title != "Sharing")
        {
            await Do(new NextItem(CommandId.New(), session.State.CurrentItemId));
        }

        foreach (var name in new[] { "Blake", "Casey", "Dana", "Eli" })
        {
            await Do(new RaiseHand(CommandId.New(), Id(name)));
        }

        await Do(new NextSpeaker(CommandId.New(), null));
    }
}
