using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Roles;
using Microsoft.Extensions.Logging;

namespace FacilitatorKit.Web.Notes;

public enum NoteDraftStatus
{
    Saved,

    /// <summary>Typed, waiting for a pause in the typing before saving.</summary>
    Unsaved,
    Saving,

    /// <summary>Another device saved first; <see cref="NoteDraft.Conflict"/> holds both texts until <see cref="NoteDraft.ResolveAsync"/>.</summary>
    Conflict,

    /// <summary>Not stored: the text can't be stored as it is (too long, control characters), or this device may not write notes. It is kept here, unsaved.</summary>
    Invalid,

    /// <summary>The store failed (a full disk, a locked file): the text is kept here and the save is tried again, later each time.</summary>
    Retrying,
}

/// <summary>
/// One device's notes box (per-device screen state, so it lives in the Web): saves what is typed after a short pause in the typing (debounced), always naming the
/// version it edited. Nothing typed is ever dropped: on a conflict or an invalid text it stays here, unsaved, with a
/// message, until the writer resolves it. Call <see cref="FlushAsync"/> when leaving the box.
/// </summary>
public sealed partial class NoteDraft : IAsyncDisposable
{
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromMilliseconds(800);

    /// <summary>After a failed save, the wait before the next try: doubled each time, up to <see cref="LongestRetryWait"/>.</summary>
    public static readonly TimeSpan FirstRetryWait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestRetryWait = TimeSpan.FromSeconds(30);

    private readonly ILogger? _log;
    private int _failures;
    private bool _withheld; // the box holds text the page did not send (too long): nothing here may be saved for it

    private readonly NoteScreens _store;
    private readonly ITimer _timer;
    private readonly TimeSpan _quiet;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Func<Actor?> _writer;
    private int _typed;

    // What the screen last sent and what it typed it over, and the texts that came from elsewhere by version (what
    // the screen may have been shown). With them, a box sent again after a drop is known to hold nothing new.
    private readonly Dictionary<int, string> _fromElsewhere = [];
    private (string Text, int Over) _lastFromScreen = ("", int.MinValue);
    private Task _lastSave = Task.CompletedTask;

    public NoteDraft(NoteScreens store, Actor? writer, NoteSnapshot loaded, TimeProvider clock, TimeSpan? quietPeriod = null, ILogger? log = null)
        : this(store, () => writer, loaded, clock, quietPeriod, log)
    {
    }

    /// <param name="writer">Who writes, asked at each save: a device whose invite was revoked meanwhile saves nothing more.</param>
    public NoteDraft(NoteScreens store, Func<Actor?> writer, NoteSnapshot loaded, TimeProvider clock, TimeSpan? quietPeriod = null, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _log = log;
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        Meeting = loaded.Meeting;
        Item = loaded.Item;
        Text = loaded.Text;
        BoxText = loaded.Text;
        Version = loaded.Version;
        LatestFromElsewhere = loaded.Version;
        _fromElsewhere[loaded.Version] = loaded.Text;
        _quiet = quietPeriod ?? DefaultQuietPeriod;
        _timer = clock.CreateTimer(_ => _lastSave = SaveAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised after the status changes (for the view to re-render).</summary>
    public event Action? Changed;

    public MeetingId Meeting { get; }
    public int Item { get; }
    public string Text { get; private set; }

    /// <summary>
    /// The text the box is drawn with: what the app last put in it (loaded, another device's save, a merge, text sent
    /// again after a drop), not each piece of typing, which the box holds already. Drawing the box anew at every save
    /// would set it back to the text of that moment and lose the letters typed during the round trip.
    /// </summary>
    public string BoxText { get; private set; }

    /// <summary>Counts the times the app put text in the box: a new box element each time (its key), so it shows it.</summary>
    public int BoxDrawn { get; private set; }

    /// <summary>The stored version this text is based on.</summary>
    public int Version { get; private set; }

    public NoteDraftStatus Status { get; private set; } = NoteDraftStatus.Saved;

    /// <summary>The screen (browser tab) typing here, by the random id it keeps for itself; saves are marked with it.</summary>
    public string? Screen { get; set; }

    /// <summary>The save the timer started last, for tests to wait on.</summary>
    internal Task LastSave => _lastSave;
    public NoteSave? Conflict { get; private set; }
    /// <summary>Why the text is not saved (a conflict, or a refusal), for the box to put in words.</summary>
    public FieldError? Problem { get; private set; }

    /// <summary>
    /// The newest version that came from somewhere else (loaded, or saved by another device), rather than from this
    /// draft's own saves: text that a screen must have shown before what is typed there can replace it.
    /// </summary>
    public int LatestFromElsewhere { get; private set; }

    /// <summary>The box's text changed, typed over what this draft holds now: save it once the typing pauses.</summary>
    public void Type(string text) => Type(text, LatestFromElsewhere);

    /// <summary>
    /// The box's text changed, typed on a screen that showed the note as of <paramref name="seenFromElsewhere"/> (a
    /// <see cref="LatestFromElsewhere"/>): save it once the typing pauses. If another device's save had come in, which
    /// that screen had not shown yet, the typing was done over older text: saving it would silently undo the other
    /// device's words, so it becomes a conflict that shows both texts.
    /// </summary>
    public void Type(string text, int seenFromElsewhere) => Take(text ?? "", seenFromElsewhere, basedOn: null, screen: null);

    /// <summary>
    /// A screen sends again what its box held when its connection dropped, in case that typing never arrived.
    /// <paramref name="basedOn"/> is the stored version the box had last drawn (its own saves included). If nothing in
    /// the text is new (it is what this screen sent already, or what it was shown), it changes nothing, so an
    /// untouched box never undoes what another device wrote meanwhile. Otherwise it is taken as typing: over the note
    /// as it is if the note is still at <paramref name="basedOn"/> (nobody has saved since the box drew it), or if its
    /// newest version was saved from this same <paramref name="screen"/> (the box's last keys, saved after its Wi-Fi
    /// went silent, so never drawn: after a reload this draft is new and knows no better); else as <see cref="Type(string, int)"/>.
    /// </summary>
    public void TypeAgain(string text, int seenFromElsewhere, int basedOn, string? screen = null)
    {
        text ??= "";
        lock (_lock)
        {
            var (sent, sentOver) = _lastFromScreen;
            var nothingNew = sentOver == seenFromElsewhere
                ? text == sent // it sent this already, typed over the same text
                : sentOver < seenFromElsewhere && _fromElsewhere.TryGetValue(seenFromElsewhere, out var shown) && text == shown; // untouched since it was shown
            if (nothingNew)
            {
                return;
            }
        }

        Take(text, seenFromElsewhere, basedOn, screen);
    }

    private void Take(string text, int seenFromElsewhere, int? basedOn, string? screen)
    {
        lock (_lock)
        {
            _lastFromScreen = (text, seenFromElsewhere);

            // TypeAgain looks up only what the screen was shown after its last send. (A dictionary may lose entries
            // while it is read; no list is made at every key.)
            foreach (var version in _fromElsewhere.Keys)
            {
                if (version < seenFromElsewhere)
                {
                    _fromElsewhere.Remove(version);
                }
            }

            var wasWithheld = _withheld;
            _withheld = false;
            if (text == Text && !wasWithheld)
            {
                return;
            }

            // Only over text this draft holds as saved: while it is unsaved or saving, it holds this screen's own
            // typing, and the store's version check makes any clash with another device a conflict at the save. And
            // not when text sent again is over the note as it is: still at the version the box last drew, or at one
            // that same screen saved without drawing it (its last keys, saved after its Wi-Fi went silent).
            var overNoteAsItIs = basedOn == Version || (basedOn is not null && _store.SavedByScreen(Meeting, Item, Version, screen));
            if (Status == NoteDraftStatus.Saved && seenFromElsewhere < LatestFromElsewhere && !overNoteAsItIs)
            {
                Problem = new FieldError("Text", InputProblem.NoteChangedElsewhere);
                Conflict = new NoteSave(NoteSaveStatus.Conflict, new NoteSnapshot(Meeting, Item, Text, Version), text, Problem);
                Status = NoteDraftStatus.Conflict;
            }

            Text = text;
            _typed++;
            if (Status != NoteDraftStatus.Conflict)
            {
                Status = NoteDraftStatus.Unsaved;
            }

            // Sent again after a drop (or a reload): the box may not show this text, so it is drawn with it. Never
            // text the app would refuse for its length: the box keeps what was typed there, all of it.
            if (basedOn is not null && text.Length <= NoteService.MaxLength && text != BoxText)
            {
                Draw(text);
            }
        }

        if (Status != NoteDraftStatus.Conflict)
        {
            _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// The box holds text the page would not send, because it is over the limit (<see cref="NoteService.MaxLength"/>),
    /// or too big to send at all: it stays in the box, untouched, and nothing is saved until it is short enough again.
    /// </summary>
    public void Withheld(FieldError problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_lock)
        {
            if (Status == NoteDraftStatus.Conflict)
            {
                return; // the conflict's two texts stay on screen until it is resolved
            }

            _withheld = true;
            _typed++;
            Problem = problem;
            Status = NoteDraftStatus.Invalid;
        }

        Changed?.Invoke();
    }

    /// <summary>Saves now, without waiting for the pause (when the box loses focus, or the item changes).</summary>
    public Task FlushAsync()
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Status is NoteDraftStatus.Unsaved or NoteDraftStatus.Invalid or NoteDraftStatus.Retrying && !_withheld ? SaveAsync() : Task.CompletedTask;
    }

    private void Draw(string text)
    {
        BoxText = text;
        BoxDrawn++;
    }

    /// <summary>
    /// Another device saved this note. With nothing typed here since the last save, the box shows the newer text at
    /// once. With typing of its own waiting, the box keeps it: its save names the older version, so it becomes a
    /// conflict that shows both texts, and nothing typed is lost. In a conflict, the other side is brought up to date.
    /// </summary>
    public void Incoming(NoteSnapshot note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Meeting != Meeting || note.Item != Item)
        {
            return;
        }

        lock (_lock)
        {
            if (Status == NoteDraftStatus.Conflict && Conflict is { } conflict && note.Version > conflict.Current.Version)
            {
                Conflict = conflict with { Current = note };
                LatestFromElsewhere = note.Version;
                _fromElsewhere[note.Version] = note.Text;
            }
            else if (Status == NoteDraftStatus.Saved && note.Version > Version)
            {
                (Text, Version, LatestFromElsewhere) = (note.Text, note.Version, note.Version);
                _fromElsewhere[note.Version] = note.Text;
                Draw(note.Text);
            }
            else
            {
                return;
            }
        }

        Changed?.Invoke();
    }

    /// <summary>After a conflict: the writer's merged text, saved on top of the other device's version.</summary>
    public Task ResolveAsync(string merged)
    {
        lock (_lock)
        {
            Version = Conflict?.Current.Version ?? Version;
            Conflict = null;
            Text = merged ?? "";
            Status = NoteDraftStatus.Unsaved;
            _typed++;
            Draw(Text);
        }

        return SaveAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        _saving.Dispose();
    }

    private async Task SaveAsync()
    {
        await _saving.WaitAsync().ConfigureAwait(false);
        try
        {
            string text;
            int version, typed;
            lock (_lock)
            {
                if (Status is NoteDraftStatus.Saved or NoteDraftStatus.Conflict || _withheld)
                {
                    return;
                }

                (text, version, typed) = (Text, Version, _typed);
                Status = NoteDraftStatus.Saving;
            }

            Changed?.Invoke();
            NoteSave result;
            try
            {
                result = await _store.SaveAsync(_writer(), Meeting, Item, text, version, Screen).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The store failed (a full disk, a locked or read-only file). The text stays here, the box says so,
                // and the save is tried again, later each time; the log names the note by meeting and item only,
                // never its text or anyone's name.
                TimeSpan wait;
                lock (_lock)
                {
                    _failures++;
                    wait = TimeSpan.FromTicks(Math.Min(LongestRetryWait.Ticks, FirstRetryWait.Ticks << Math.Min(_failures - 1, 16)));
                    Status = NoteDraftStatus.Retrying;
                }

                if (_log is not null)
                {
                    LogSaveFailed(_log, Meeting.Value, Item, _failures, wait.TotalSeconds, e.GetType().Name);
                }

                _timer.Change(wait, Timeout.InfiniteTimeSpan);
                Changed?.Invoke();
                return;
            }

            lock (_lock)
            {
                switch (result.Status)
                {
                    case NoteSaveStatus.Saved:
                        _failures = 0;
                        Version = result.Current.Version;
                        Problem = null;
                        // Typing that arrived during the save is still unsaved, and saves on the next pause.
                        Status = typed == _typed ? NoteDraftStatus.Saved : NoteDraftStatus.Unsaved;
                        break;
                    case NoteSaveStatus.Conflict:
                        Conflict = result with { Yours = Text };
                        LatestFromElsewhere = Math.Max(LatestFromElsewhere, result.Current.Version);
                        _fromElsewhere[result.Current.Version] = result.Current.Text;
                        Problem = result.Problem;
                        Status = NoteDraftStatus.Conflict;
                        break;
                    default:
                        Problem = result.Problem;
                        Status = NoteDraftStatus.Invalid;
                        break;
                }
            }

            if (Status == NoteDraftStatus.Unsaved)
            {
                _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
            }

            Changed?.Invoke();
        }
        finally
        {
            _saving.Release();
        }
    }

    // The exception's type only: its message may quote the SQL, and with it the note's text.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A note could not be saved (meeting {Meeting}, item {Item}, attempt {Attempt}: {Error}); trying again in {Seconds} s")]
    private static partial void LogSaveFailed(ILogger log, Guid meeting, int item, int attempt, double seconds, string error);
}
