using System.Diagnostics.CodeAnalysis;
using Bunit;
using Bunit.TestDoubles;
using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Data;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Testing;
using FacilitatorKit.Web.Acting;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Look;
using FacilitatorKit.Web.ViewModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>
/// A bUnit context with the app's real services (<see cref="AppServices"/>) on a temporary SQLite file of its own, a
/// fake clock, and JS interop in loose mode (MudBlazor and the components' modules call the browser; nothing here
/// needs an answer except DeviceSettings', see <see cref="BrowserDevice"/>). Groups and meetings are set up through
/// the use cases, as a facilitator would, and meetings driven through their sessions.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public abstract class ComponentTest : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 19, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();

    protected ComponentTest()
    {
        // Waits end as soon as their condition holds; the long timeout only matters on a machine busy building.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        StoreSetup.Initialize(_database.ConnectionString, Repository.FormatsFolder);
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddFacilitatorKitWeb(_database.ConnectionString, Clock);
        BrowserDevice.Answers(Context.JSInterop);

        // The device is signed in as a facilitator of every group, as on the laptop; a page acts in its own role.
        _auth = Context.AddAuthorization();
        _auth.SetAuthorized("facilitator");
        SignIn(new FacilitatorKit.Web.Access.Who(Guid.NewGuid(), Guid.NewGuid(), null, null, null, null));
    }

    private readonly BunitAuthorizationContext _auth;

    /// <summary>This device's sign-in from now on (a page asks for it as it opens): a facilitator's, or an invite's.</summary>
    protected void SignIn(FacilitatorKit.Web.Access.Who who) => _auth.SetClaims([.. who.ToPrincipal().Claims]);

    protected BunitContext Context { get; }

    /// <summary>The test's database file, for holding its write lock as a busy disk would.</summary>
    protected TempDatabase Database => _database;
    protected FakeTimeProvider Clock { get; } = new(Start);
    protected IServiceProvider Services => Context.Services;
    protected DeviceActor Device => Services.GetRequiredService<DeviceActor>();
    protected MeetingSessions Sessions => Services.GetRequiredService<MeetingSessions>();
    protected NoteService Notes => Services.GetRequiredService<NoteService>();
    protected Words Words => Services.GetRequiredService<Words>();
    protected DeviceClock DeviceClock => Services.GetRequiredService<DeviceClock>();

    /// <summary>
    /// The group use cases, for this device acting as the facilitator (as the home and group pages do). It makes the
    /// device act as the facilitator: use it before opening a page that acts as someone else, not after.
    /// </summary>
    protected GroupService Groups
    {
        get
        {
            Device.ActAs(Actor.Facilitator);
            return Services.GetRequiredService<GroupService>();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // A component that threw where no test looked (after a render, in a live update) fails the test too.
        var unhandled = Context.Renderer.UnhandledException;
        var thrown = unhandled.IsCompletedSuccessfully ? unhandled.Result : null;
        await Context.DisposeAsync();
        _database.Dispose();
        if (thrown is not null)
        {
            throw new InvalidOperationException("A component threw during the test.", thrown);
        }
    }

    /// <summary>A group with these members (all present, all chair rota volunteers, the first chairing), and its meeting set up from the format.</summary>
    protected async Task<TestMeeting> NewMeetingAsync(string[] names, string format = "Short check-in", string group = "Tuesday circle")
    {
        var groups = Groups;
        var created = await groups.CreateGroupAsync(new NewGroup(group));
        Assert.True(created.IsValid);
        var members = new List<MemberRecord>();
        foreach (var name in names)
        {
            var added = await groups.AddMemberAsync(created.Value!.Id, name, volunteersForChair: true);
            Assert.True(added.IsValid);
            members.Add(added.Value!);
        }

        var meeting = await groups.StartNewMeetingAsync(created.Value!.Id, format, [.. members.Select(m => m.Id)], members.FirstOrDefault()?.Id);
        Assert.True(meeting.IsValid, string.Join(", ", meeting.Errors.Select(e => e.Code)));
        var session = await Sessions.GetAsync(meeting.Value!.Meeting);
        return new TestMeeting(session!, created.Value!, Clock);
    }

    /// <summary>Opens a meeting page (console, co-facilitator view, room display) once it has loaded its meeting.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Guid meeting)
        where TPage : MeetingPageBase
    {
        var page = Context.Render<TPage>(p => p.Add(c => c.Id, meeting));
        page.WaitForState(() => !string.IsNullOrWhiteSpace(page.Markup));
        return page;
    }

    /// <summary>The meeting as this role sees it now.</summary>
    protected MeetingView ViewOf(TestMeeting meeting, Role role = Role.Facilitator) =>
        MeetingView.Of(meeting.Session.State, Clock.GetUtcNow(), role, DeviceClock);

    /// <summary>How a page lets its panels send: here, as <paramref name="actor"/> (the facilitator), built on the view as it is now.</summary>
    protected MeetingSend SendAs(TestMeeting meeting, Actor? actor = null, Role role = Role.Facilitator) =>
        async (build, _) => await meeting.Session.SubmitAsync(build(ViewOf(meeting, role)), actor ?? Actor.Facilitator);
}
