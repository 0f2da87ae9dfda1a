using FacilitatorKit.Application.Groups;
using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Engine.Speakers;
using FacilitatorKit.Web.Acting;
using FacilitatorKit.Web.Look;
using FacilitatorKit.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// A live view of one meeting. The meeting lives in its server-side session, not in this circuit: the page subscribes,
/// re-renders when a change is saved, and after a reload or a reconnect simply shows the session as it is.
/// </summary>
public abstract class MeetingPageBase : ComponentBase, IDisposable
{
    // Countdowns tick in the browser; the server only re-renders for changes, and now and then for the
    // slow-moving figures (elapsed time, projected end, live airtime).
    private static readonly TimeSpan SlowRefresh = TimeSpan.FromSeconds(20);

    private bool _sending;
    private Snackbar? _notice;

    private IDisposable? _subscription;
    private IDisposable? _revoked;
    private ITimer? _refresh;
    private ITimer? _turningPoint;
    private MeetingId? _subscribed;

    // What the browser has on screen. A saved change refreshes View at once, but the browser shows it only when it
    // has applied that render and said so; a click it sent before then was made on the older screen. Each render's
    // view waits here until the browser acknowledges it (OnAfterRender), in render order.
    private readonly Queue<MeetingView?> _rendering = new();
    private MeetingView? _shown;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    protected MeetingSessions Sessions { get; set; } = null!;

    [Inject]
    protected TimeProvider Clock { get; set; } = null!;

    [Inject]
    protected GroupService Groups { get; set; } = null!;

    [Inject]
    protected Words Words { get; set; } = null!;

    [Inject]
    private ILiveChanges Live { get; set; } = null!;

    [Inject]
    protected DeviceActor Device { get; set; } = null!;

    [Inject]
    private FacilitatorKit.Web.Access.Invites Invites { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    protected DeviceClock DeviceClock { get; set; } = null!;

    [Inject]
    private BusyCue BusyCue { get; set; } = null!;

    /// <summary>"on" when the group turned the soft chime on; the browser plays it at time's up.</summary>
    protected string Chime { get; private set; } = "off";

    /// <summary>The group's name and page, for the way back.</summary>
    protected GroupRecord? Group { get; private set; }

    /// <summary>
    /// For facilitator roles, the group's members who were not at the meeting when this view opened: one of them can
    /// join late as themselves. Only those, so that a view of a meeting everyone came to holds none.
    /// </summary>
    protected IReadOnlyList<MemberRecord> Members { get; private set; } = [];

    /// <summary>Who a device showing this page acts as (until sign-in exists, the address decides): see <see cref="DeviceActor"/>.</summary>
    protected abstract Actor ActsAs { get; }

    /// <summary>The role this device acts in.</summary>
    protected Role Role => Device.Role ?? Role.Display;

    protected MeetingSession? Session { get; private set; }
    protected MeetingView? View { get; private set; }
    protected bool IsMissing { get; private set; }

    /// <summary>
    /// The meeting exists but its log cannot be read back (a damaged data file): the page says so calmly, instead of
    /// failing, and points to restoring a backup. The other meetings are not affected (issue 13 §6).
    /// </summary>
    protected bool IsUnreadable { get; private set; }

    /// <summary>A save has taken longer than <see cref="BusyCue.After"/>: the controls are shown unavailable until it is done.</summary>
    protected bool Busy { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        DeviceClock.Changed += OnDeviceClockChanged;
        await Device.ActOnPageAsync(ActsAs, new MeetingId(Id));
        if (Device.Who is { Invite: not null } invited)
        {
            // Revoked from the console: this view closes at once, here on the server (its presses are refused from
            // that moment, and it hears of no more changes), and the browser is sent to say so. A link that reaches
            // the end time the facilitator chose closes its views within half a minute.
            _revoked = Invites.WatchRevoked(invited.Device, () => _ = InvokeAsync(Close));
            _stillInvited = Clock.CreateTimer(_ => _ = InvokeAsync(() =>
            {
                if (!Invites.IsActive(invited.Device))
                {
                    Close();
                }
            }), null, StillInvitedEvery, StillInvitedEvery);
        }
    }

    /// <summary>How often an invited device's view checks that its link still lets it in (an end time passing).</summary>
    private static readonly TimeSpan StillInvitedEvery = TimeSpan.FromSeconds(30);

    private ITimer? _stillInvited;
    private bool _closed;

    /// <summary>This device's invite ended: nothing more of the meeting reaches it, and the browser is told why.</summary>
    private void Close()
    {
        _closed = true;
        _subscription?.Dispose();
        _subscription = null;
        _refresh?.Dispose();
        _turningPoint?.Dispose();
        _stillInvited?.Dispose();
        Session = null;
        View = null;
        StateHasChanged();
        Navigation.NavigateTo("/device-ended", forceLoad: true);
    }

    protected override async Task OnParametersSetAsync()
    {
        var id = new MeetingId(Id);
        if (_closed || _subscribed == id)
        {
            return;
        }

        _subscription?.Dispose();
        try
        {
            Session = await Sessions.GetAsync(id);
            IsUnreadable = false;
        }
        catch (MeetingLogUnreadableException)
        {
            Session = null;
            View = null;
            IsUnreadable = true;
            Group = await Groups.GroupOfMeetingAsync(id);
            return;
        }

        IsMissing = Session is null;
        if (Session is not null)
        {
            _subscription = Live.WatchMeeting(id, OnSaved);
            Group = await Groups.GroupOfMeetingAsync(id);
            Chime = Group?.SoftChime == true ? "on" : "off";
            Members = Group is not null && Permissions.Allows(Role, MeetingAction.RunQueue)
                ? [.. LateMembers.NotHere(await Groups.MembersAsync(Group.Id), Session.State)]
                : [];
            _subscribed = id;
            if (Role != Role.Display) // the room display shows none of the slow-moving figures
            {
                _refresh ??= Clock.CreateTimer(_ => OnSaved(null), null, SlowRefresh, SlowRefresh);
            }
        }

        Refresh();
    }

    protected void Refresh()
    {
        if (Session is not null && Sessions.WasDeleted(Session.Id))
        {
            // Deleted on another page: this view says the meeting no longer exists (issue 13 §4).
            _subscription?.Dispose();
            _subscription = null;
            Session = null;
            View = null;
            IsMissing = true;
            return;
        }

        if (Session is not null)
        {
            View = MeetingView.Of(Session.State, Clock.GetUtcNow(), Role, DeviceClock);
            RefreshAtNextTurningPoint();
        }
    }

    // Three things change with time alone, not with a saved change: "Undo change of speaker" goes when it can no longer
    // be used (rather than staying to be refused), the quiet-member reserve begins (every view says so, and the
    // display's "Next" follows it), and the projected end moves once the current item runs over (the views with the
    // agenda show it). The page renders again at the next of those moments.
    private void RefreshAtNextTurningPoint()
    {
        _turningPoint?.Dispose();
        _turningPoint = null;
        if (View is not { } view)
        {
            return;
        }

        DateTimeOffset?[] moments =
        [
            view.Undo?.Until,
            view.Reserve is { IsOn: false } reserve ? reserve.From : null,
            Role == Role.Display ? null : view.ProjectedEndChangesAt,
        ];
        var next = moments.Where(m => m > view.Now).Min();
        if (next is { } at)
        {
            _turningPoint = Clock.CreateTimer(_ => OnSaved(null), null, at - view.Now + TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Sends a command built from what this page showed (the view the browser last acknowledged, not a newer one it
    /// has not drawn yet), so a click on an out-of-date screen is refused as "already changed" rather than applied to
    /// something the person did not see: two devices pressing "Next speaker" together advance the queue once.
    /// </summary>
    /// <returns>What happened; null when nothing was sent (while an earlier press is still being saved) or it could not be saved.</returns>
    protected async Task<CommandOutcome?> SendAsync(Func<MeetingView, MeetingCommand> build, bool showsItsOwnProblems = false)
    {
        if (Session is null || View is null)
        {
            return null;
        }

        if (_sending)
        {
            // One press at a time. The controls look unavailable only once a save is slow, so a quick second press
            // (a double tap, or another button) is told, rather than dropped without a word.
            Tell(Words["Notice.StillSaving"]);
            return null;
        }

        _sending = true;
        using var saved = new CancellationTokenSource();
        try
        {
            var command = build(_shown ?? View);
            var saving = Session.SubmitAsync(command, Device.Actor, Device.Device);
            _ = ShowBusyIfSlowAsync(saved.Token);
            var outcome = await saving;
            if (outcome.Problem is { Refusal: { Reason: RefusalReason.TurnJustStarted, Person: { } who } } justStarted && Anyway(command) is { } anyway)
            {
                // Most likely meant for the turn before (a second device a moment behind, or a double press): ask,
                // with the way to do it anyway one press away.
                var name = outcome.State.NameOf(who);
                Tell(Words.Of(justStarted, outcome.State), Words["TurnJustStarted.Anyway", ("Person", name)], () => SendAsync(_ => anyway));
            }
            else if (outcome.Problem is { } problem && !(showsItsOwnProblems && outcome.Status == CommandStatus.Invalid))
            {
                Tell(Words.Of(problem, outcome.State));
            }
            else if (outcome.IsAccepted)
            {
                TakeBackNotice();
            }

            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not acknowledged, so not done: say so calmly and keep the page alive.
            Tell(Words["Notice.NotSaved"]);
            return null;
        }
        finally
        {
            saved.Cancel();
            _sending = false;

            // An accepted change has already re-rendered this page, or is about to (OnSaved). Render here only for
            // what that render does not bring: the controls coming back after a slow save. (The click may have come
            // from a child panel, which re-renders only itself; notices are the snackbar's to show.)
            if (Busy)
            {
                Busy = false;
                Refresh();
                StateHasChanged();
            }
        }
    }

    private async Task ShowBusyIfSlowAsync(CancellationToken saved)
    {
        try
        {
            await Task.Delay(BusyCue.After, Clock, saved);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // Back on this page's renderer (the delay resumes on the captured context), and the save is still going.
        if (_sending && !saved.IsCancellationRequested)
        {
            Busy = true;
            StateHasChanged();
        }
    }

    protected static CommandId NewId() => CommandId.New();

    protected override bool ShouldRender()
    {
        _rendering.Enqueue(View);
        return true;
    }

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    /// <summary>The countdowns (CountdownText) are drawn by the browser: the page starts the module that draws them.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                await using var countdowns = await JS.InvokeAsync<IJSObjectReference>("import", "./js/countdown.js");
                await countdowns.InvokeVoidAsync("start");
            }
            catch (JSDisconnectedException)
            {
                // The page went away meanwhile.
            }
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // The first render is not announced through ShouldRender; until a later one is acknowledged, SendAsync uses View.
        if (!firstRender && _rendering.TryDequeue(out var shown))
        {
            _shown = shown;
        }
    }

    /// <summary>
    /// A short, calm message after a refused action, in a toast that screen readers hear at once (an alert). A new one
    /// replaces the last, so the same words given twice are shown, and said, twice; the next action that works takes it back.
    /// </summary>
    protected void Tell(string words)
    {
        TakeBackNotice();
        _notice = Snackbar.Add(words, Severity.Warning, options => options.DuplicatesBehavior = SnackbarDuplicatesBehavior.Allow);
    }

    /// <summary>A notice with one action (its button's words), which stays until it is pressed, closed or replaced.</summary>
    private void Tell(string words, string action, Func<Task> act)
    {
        TakeBackNotice();
        _notice = Snackbar.Add(words, Severity.Warning, options =>
        {
            options.DuplicatesBehavior = SnackbarDuplicatesBehavior.Allow;
            options.RequireInteraction = true;
            options.ShowCloseIcon = true;
            options.Action = action;
            options.OnClick = _ => InvokeAsync(act);
        });
    }

    /// <summary>The same press, sent again without asking about a turn that has just started.</summary>
    private static MeetingCommand? Anyway(MeetingCommand command) => command switch
    {
        NextSpeaker next => next with { Id = NewId(), AsksIfJustStarted = false },
        EndTurn end => end with { Id = NewId(), AsksIfJustStarted = false },
        _ => null,
    };

    private void TakeBackNotice()
    {
        if (_notice is { } shown)
        {
            _notice = null;
            Snackbar.Remove(shown);
        }
    }

    private void OnDeviceClockChanged() => OnSaved(null);

    public void Dispose()
    {
        DeviceClock.Changed -= OnDeviceClockChanged;
        _revoked?.Dispose();
        _stillInvited?.Dispose();
        _subscription?.Dispose();
        _refresh?.Dispose();
        _turningPoint?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void OnSaved(MeetingState? saved)
    {
        // Only queue a render: the publisher must never wait on this view (a slow or gone circuit).
        _ = InvokeAsync(() =>
        {
            if (_closed)
            {
                return;
            }

            Refresh();
            StateHasChanged();
        }).ContinueWith(t => DispatchExceptionAsync(t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
