using System.Net;
using FacilitatorKit.Web.Access;
using FacilitatorKit.Web.Tests.Pages;
using FacilitatorKit.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FacilitatorKit.Web.Tests;

/// <summary>
/// Issue 12, F1: there was no sign-in, and the address decided the role. Against the real server in Chromium: every
/// page needs a sign-in or an invite; devices come in by links for one role; a revoked device is shut out at once.
/// </summary>
public sealed class AccessTests(WebAppFixture app) : BrowserTest(app)
{
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    private static readonly BrowserNewContextOptions Touch = new() { IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 };

    // What an Android tablet and phone say they are (headless Chromium says it is a Linux computer).
    private static readonly BrowserNewContextOptions Tablet = new(Touch)
    {
        UserAgent = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    };

    private static readonly BrowserNewContextOptions PhoneBrowser = new(Touch)
    {
        UserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    };

    [Fact]
    public async Task ABrowserWithNoCookies_GetsTheSignInPage_AtHomeAGroupAndEveryMeetingView()
    {
        await SigningIn.FacilitatorCookieAsync(App.BaseAddress); // the app has a facilitator: sign-in, not first run
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Ana", "Ben");
        var group = (await App.Groups.GroupOfMeetingAsync(new Engine.MeetingId(meeting)))!.Id;
        var stranger = await OpenDeviceAsync("stranger", signedIn: false);

        foreach (var path in new[] { "/", $"/groups/{group}", $"/meetings/{meeting}", $"/meetings/{meeting}/follow", $"/meetings/{meeting}/display", $"/meetings/{meeting}/me" })
        {
            await stranger.Page.GotoAsync(path);
            await Expect(stranger.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
            await Expect(stranger.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
            await Expect(stranger.Page.GetByText("Ana")).ToHaveCountAsync(0); // nothing of the group leaks onto the page
        }
    }

    [Fact]
    public async Task ADisplayInvite_OpensOnlyTheDisplay_AndRevokingItClosesItsViewAtOnce()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Ana", "Ben");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(meeting);
        var link = await console.InviteDeviceAsync("Room display");
        Assert.Matches("/join/[A-Za-z0-9_-]{43}$", link); // 256 random bits

        var tv = await OpenDeviceAsync("display", new ViewportSize { Width = 1920, Height = 1080 }, signedIn: false);
        await tv.Page.GotoAsync(link);
        await tv.Page.GetByRole(AriaRole.Button, new() { Name = "Show the room display", Exact = true }).ClickAsync();
        var display = new DisplayPage(tv.Page);
        await display.WaitUntilLiveAsync();
        await Expect(tv.Page).ToHaveURLAsync($"{App.BaseAddress}meetings/{meeting}/display");

        // A display link can only ever show the display: not the console, not the co-facilitator view, not the groups.
        foreach (var path in new[] { $"/meetings/{meeting}", $"/meetings/{meeting}/follow", $"/meetings/{meeting}/me", "/" })
        {
            var response = await tv.Page.GotoAsync(path);
            await Expect(tv.Page.GetByRole(AriaRole.Heading, new() { Name = "This page is not open to this device", Exact = true })).ToBeVisibleAsync();
            Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
            await Expect(tv.Page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        }

        // Nor can its live view be steered to another page from inside (the router checks again).
        await display.GotoAsync(meeting);
        await tv.Page.EvaluateAsync($"Blazor.navigateTo('/meetings/{meeting}')");
        await Expect(tv.Page.GetByRole(AriaRole.Heading, new() { Name = "This page is not open to this device", Exact = true })).ToBeVisibleAsync();
        await display.GotoAsync(meeting);

        // A second tab of the same device: revoking closes both.
        var secondTab = await tv.Context.NewPageAsync();
        var display2 = new DisplayPage(secondTab);
        await display2.GotoAsync(meeting);

        // The console lists it, and revoking it closes its view at once.
        var row = console.JoinedDevices.GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "Computer · room display · joined" });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revoke Computer · room display") }).ClickAsync();
        await Expect(tv.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/device-ended$"));
        await Expect(tv.Page.GetByRole(AriaRole.Heading, new() { Name = "This link has ended", Exact = true })).ToBeVisibleAsync();
        await Expect(secondTab).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/device-ended$"));
        await Expect(console.JoinedDevices).ToHaveCountAsync(0);

        // The device's sign-in is gone: the display no longer opens on it.
        await tv.Page.GotoAsync($"/meetings/{meeting}/display");
        await Expect(tv.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/(sign-in|device-ended)"));
        await Expect(display.CurrentSpeaker).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AStoppedLink_OpensNothingAtOnce_AndShutsOutTheDevicesThatCameInByIt()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Ana", "Ben");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(meeting);
        var link = await console.InviteDeviceAsync("Co-facilitator");
        var tablet = await OpenDeviceAsync("co-facilitator", new ViewportSize { Width = 820, Height = 1180 }, Touch, signedIn: false);
        await tablet.Page.GotoAsync(link);
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Join as co-facilitator", Exact = true }).ClickAsync();
        var follow = new FollowPage(tablet.Page);
        await follow.WaitUntilLiveAsync();

        // A co-facilitator link also opens the display, never the console.
        await new DisplayPage(tablet.Page).GotoAsync(meeting);
        var console2 = await tablet.Page.GotoAsync($"/meetings/{meeting}");
        Assert.Equal((int)HttpStatusCode.Forbidden, console2!.Status);
        await follow.GotoAsync(meeting);

        await console.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Stop the co-facilitator link made ") }).ClickAsync();
        await Expect(tablet.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/device-ended$"));

        var stranger = await OpenDeviceAsync("stranger", signedIn: false);
        var response = await stranger.Page.GotoAsync(link);
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await Expect(stranger.Page.GetByText("This link does not open a meeting", new() { Exact = false })).ToBeVisibleAsync();
    }

    /// <summary>
    /// The Done when: a meeting run with a facilitator laptop, a co-facilitator tablet and a room display, each
    /// invited by link, and two member phones that raise their own hands and send "I need a break".
    /// </summary>
    [Fact]
    public async Task AMeeting_WithEveryDeviceInvitedByLink_AndTwoMembersOnTheirOwnPhones()
    {
        var meeting = await SeedMeetingAsync(PeerSupportCircle, "Ana", "Ben", "Chloe");
        var console = new ConsolePage((await OpenDeviceAsync("facilitator")).Page);
        await console.GotoAsync(meeting);

        var coLink = await console.InviteDeviceAsync("Co-facilitator");
        var tablet = await OpenDeviceAsync("co-facilitator tablet", new ViewportSize { Width = 820, Height = 1180 }, Tablet, signedIn: false);
        await tablet.Page.GotoAsync(coLink);
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Join as co-facilitator", Exact = true }).ClickAsync();
        var follow = new FollowPage(tablet.Page);
        await follow.WaitUntilLiveAsync();

        var displayLink = await console.InviteDeviceAsync("Room display");
        var tv = await OpenDeviceAsync("room display", new ViewportSize { Width = 1920, Height = 1080 }, signedIn: false);
        await tv.Page.GotoAsync(displayLink);
        await tv.Page.GetByRole(AriaRole.Button, new() { Name = "Show the room display", Exact = true }).ClickAsync();
        var display = new DisplayPage(tv.Page);
        await display.WaitUntilLiveAsync();

        // One member link, as the QR code on the console would be scanned by every phone in the room.
        var memberLink = await console.InviteDeviceAsync("Member");
        var ana = new PhonePage((await OpenDeviceAsync("Ana's phone", Phone, PhoneBrowser, signedIn: false)).Page);
        var kofi = new PhonePage((await OpenDeviceAsync("Kofi's phone", Phone, PhoneBrowser, signedIn: false)).Page);
        await ana.JoinByLinkAsync(memberLink);
        await kofi.JoinByLinkAsync(memberLink);
        await ana.ChooseAsync("Ana");
        await kofi.JoinAsNewcomerAsync("Kofi"); // not on the group's list: a newcomer, by first name
        await Expect(console.Participants).ToContainTextAsync("Kofi");

        // Each device is listed on the console ("Tablet · co-facilitator · joined 19:02").
        await Expect(console.JoinedDevices.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        await Expect(console.JoinedDevices).ToContainTextAsync("Tablet · co-facilitator · joined");
        await Expect(console.JoinedDevices).ToContainTextAsync("Computer · room display · joined");
        await Expect(console.JoinedDevices).ToContainTextAsync("Phone · member · joined");

        // Someone else's name is taken: one person, one phone.
        var third = new PhonePage((await OpenDeviceAsync("a third phone", Phone, Touch, signedIn: false)).Page);
        await third.JoinByLinkAsync(memberLink);
        await third.IAm("Ana").ClickAsync();
        await Expect(third.Page.GetByText("Another phone has already chosen that name.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(third.Heading).ToHaveTextAsync("Who are you?");

        await console.StartMeetingAsync();

        // Both raise their own hands; everyone sees it, and each phone knows its place.
        await ana.RaiseButton.ClickAsync();
        await ana.ExpectPlaceAsync(1, 1);
        await kofi.RaiseButton.ClickAsync();
        await kofi.ExpectPlaceAsync(2, 2);
        await console.ExpectQueueAsync("Ana", "Kofi");
        await follow.ExpectQueueAsync("Ana", "Kofi");
        await display.ExpectNextUpAsync("Ana");

        // "I need a break": the facilitators see it, the room display does not.
        await ana.BreakButton.ClickAsync();
        await Expect(ana.Page.GetByText("The facilitators know you need a break.", new() { Exact = true })).ToBeVisibleAsync();
        await kofi.BreakButton.ClickAsync();
        await Expect(console.Page.GetByText("Asked for a break: Ana, Kofi", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(follow.Page.GetByText("Asked for a break: Ana, Kofi", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(tv.Page.GetByText("break", new() { Exact = false })).ToHaveCountAsync(0);

        // The co-facilitator gives Ana the floor; her phone says so, and she passes from it.
        await follow.NextSpeakerAsync("Ana");
        await Expect(ana.Page.GetByText("It is your turn. You can share, or pass.", new() { Exact = true })).ToBeVisibleAsync();
        await ana.PassButton.ClickAsync();
        await console.ExpectNobodySpeakingAsync();
        await Expect(kofi.Page.GetByText("Your hand is up: you are number 1 of 1 waiting.", new() { Exact = true })).ToBeVisibleAsync();

        // Kofi lowers his own hand; he cannot lower anyone else's, as his phone shows no one else's.
        await Expect(kofi.LowerButton).ToBeVisibleAsync();
        await kofi.LowerButton.ClickAsync();
        await Expect(kofi.Page.GetByText("Your hand is down.", new() { Exact = true })).ToBeVisibleAsync();
        await console.ExpectQueueAsync();

        // The meeting ends: the phones say so, and the links end with it.
        await console.EndMeetingAsync();
        await Expect(ana.Heading).ToHaveTextAsync("The meeting has ended");
        await kofi.Page.ReloadAsync();
        await Expect(kofi.Page.GetByRole(AriaRole.Heading, new() { Name = "This link has ended", Exact = true })).ToBeVisibleAsync();
        var late = await OpenDeviceAsync("late phone", Phone, Touch, signedIn: false);
        Assert.Equal((int)HttpStatusCode.NotFound, (await late.Page.GotoAsync(memberLink))!.Status);
    }

    [Fact]
    public async Task AFacilitatorAddedForOneGroup_SignsInWithTheirOwnPassphrase_AndSeesThatGroupOnly()
    {
        var theirs = await SeedGroupAsync("Ana", "Ben");
        var other = await SeedGroupAsync("Cai");
        var otherName = (await App.Groups.GroupAsync(other))!.Name;
        var alias = "Sam" + Guid.NewGuid().ToString("N")[..4];

        var laptop = await OpenDeviceAsync("facilitator");
        await laptop.Page.GotoAsync($"/groups/{theirs}");
        var panel = laptop.Page.GetByRole(AriaRole.Form, new() { Name = "Add a facilitator for this group", Exact = true });
        await panel.GetByLabel("Their first name or alias").FillAsync(alias);
        await panel.GetByLabel("Their passphrase").FillAsync("short");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add a facilitator for this group", Exact = true }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Alert).Filter(new() { HasText = "at least 10 characters" })).ToBeVisibleAsync();
        await panel.GetByLabel("Their passphrase").FillAsync("the blue kettle in the hall");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add a facilitator for this group", Exact = true }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{alias} can now sign in and facilitate this group.");
        await Expect(laptop.Page.GetByRole(AriaRole.List, new() { Name = "Facilitators", Exact = true })).ToContainTextAsync(alias);

        // Their own sign-in: this group, and no other.
        var cookie = await SigningIn.SignInAsync(App.BaseAddress, alias, "the blue kettle in the hall");
        var sam = await OpenDeviceAsync("Sam's laptop", signedIn: false);
        await sam.Context.AddCookiesAsync([cookie]);
        await sam.Page.GotoAsync("/");
        await Expect(sam.Page.GetByRole(AriaRole.List, new() { Name = "Groups", Exact = true }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(sam.Page.GetByRole(AriaRole.Link, new() { Name = otherName, Exact = true })).ToHaveCountAsync(0);
        await Expect(sam.Page.GetByRole(AriaRole.Button, new() { Name = "New group", Exact = true })).ToHaveCountAsync(0);
        var refused = await sam.Page.GotoAsync($"/groups/{other}");
        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);
        await sam.Page.GotoAsync($"/groups/{theirs}");
        await Expect(sam.Page.GetByRole(AriaRole.Button, new() { Name = "New meeting", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheFirstStart_AsksForAFacilitator_AndSignInAndOutWork()
    {
        await using var server = await RestartableApp.StartAsync();
        var laptop = await OpenDeviceAsync("facilitator", options: new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() }, signedIn: false);
        var page = laptop.Page;

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up FacilitatorKit", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("First name or alias").FillAsync("Sam");
        await page.GetByLabel("Passphrase", new() { Exact = true }).FillAsync("tea after the meeting");
        await page.GetByLabel("Passphrase again").FillAsync("tea after a meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up and sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The two passphrases are not the same. Please type them again.");
        await Expect(page.GetByLabel("First name or alias")).ToHaveValueAsync("Sam"); // nothing typed is lost but the passphrases

        await page.GetByLabel("Passphrase", new() { Exact = true }).FillAsync("tea after the meeting");
        await page.GetByLabel("Passphrase again").FillAsync("tea after the meeting");
        await page.GetByLabel("Passphrase again").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your groups", Exact = true })).ToBeVisibleAsync();

        // The first-run form is gone once a facilitator exists.
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.DoesNotContain("action=\"/first-run\"", await http.GetStringAsync("/sign-in"), StringComparison.Ordinal);

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));

        await page.GetByLabel("First name or alias").FillAsync("Sam");
        await page.GetByLabel("Passphrase").FillAsync("coffee after the meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That alias and passphrase do not match. Please try again.");
        await page.GetByLabel("Passphrase").FillAsync("tea after the meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your groups", Exact = true })).ToBeVisibleAsync();
        http.Dispose();
    }

    [Fact]
    public async Task WrongPassphrases_AreLimited_ThenTheRightOneWaitsToo_AndAWrongLinkCountsAsWell()
    {
        await using var server = await RestartableApp.StartAsync();
        await SigningIn.FacilitatorCookieAsync(server.BaseAddress);
        for (var i = 0; i < TriesThrottle.FailuresPerMinute; i++)
        {
            var (status, _) = await PostSignInAsync(server.BaseAddress, SigningIn.Passphrase + "?");
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }

        var (refused, page) = await PostSignInAsync(server.BaseAddress, SigningIn.Passphrase);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.Matches("Too many tries from this device. Please wait (29|30) seconds, then try again.", page);

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var link = await http.GetAsync("/join/not-a-real-token");
        Assert.Equal(HttpStatusCode.TooManyRequests, link.StatusCode); // the same wait covers invite links
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ASignIn_SurvivesARestart_AndItsKeysAreKeptForThisUserOnly()
    {
        await using var server = await RestartableApp.StartAsync();
        var cookie = await SigningIn.SignInAsync(server.BaseAddress);
        await server.StopAsync();
        await server.StartAgainAsync();

        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // not sent back to the sign-in page

        using var anonymous = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        var keys = Path.Combine(server.Folder, "keys");
        Assert.NotEmpty(Directory.GetFiles(keys));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
    }

    private static async Task<(HttpStatusCode Status, string Page)> PostSignInAsync(Uri server, string passphrase)
    {
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server };
        var form = await http.GetStringAsync("sign-in");
        using var posted = await http.PostAsync("sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SigningIn.TokenOf(form),
            ["alias"] = SigningIn.Alias,
            ["passphrase"] = passphrase,
        }));
        return (posted.StatusCode, await posted.Content.ReadAsStringAsync());
    }
}
