using System.Collections.Concurrent;
using Bunit;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Testing;
using FacilitatorKit.Web.Components.Shared;
using FacilitatorKit.Web.Components.Tests.Support;
using FacilitatorKit.Web.Notes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FacilitatorKit.Web.Components.Tests.Notes;

/// <summary>
/// Issue 13 F3 and F6: notes that never get stuck. A store that fails on purpose (a full disk) and recovers, a note at
/// the limit in a multi-byte script, and text over the limit.
/// </summary>
public class NotesBoxFailingStoreTests : NotesBoxTest
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _logged = new();

    public NotesBoxFailingStoreTests()
    {
        FailingNoteStore.ReplaceIn(Context.Services);
        Context.Services.RemoveAll<ILoggerFactory>();
        Context.Services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(log => log.AddProvider(new Logs(_logged))));
    }

    private FailingNoteStore Store => Services.GetRequiredService<FailingNoteStore>();

    [Fact]
    public async Task AFailedSave_SaysNotSavedRetrying_RetriesLaterEachTime_AndSaysSavedOnlyOnceStored()
    {
        var (meeting, cut) = await RenderAsync();
        Store.Failing = true;

        await SendAsync(cut, new NotesTypedEventArgs { Meeting = meeting.Id.Value.ToString(), Value = "Decided: coffee rota", Item = 1 });
        Clock.Advance(NoteDraft.DefaultQuietPeriod);

        cut.WaitForAssertion(() => Assert.Equal(Words["Notes.NotSavedRetrying"], StatusOf(cut)));
        Assert.Equal("Not saved, retrying", Words["Notes.NotSavedRetrying"]);
        Assert.Equal(1, Store.Failed);

        // Backoff: the second try after 1 s, the third only 2 s after that.
        Clock.Advance(NoteDraft.FirstRetryWait);
        cut.WaitForAssertion(() => Assert.Equal(2, Store.Failed));
        Clock.Advance(NoteDraft.FirstRetryWait);
        await Task.Delay(50);
        Assert.Equal(2, Store.Failed);
        Assert.Equal(Words["Notes.NotSavedRetrying"], StatusOf(cut));
        Assert.Equal("", (await Notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, meeting.Id, 1)).Text);

        Store.Failing = false; // room on the disk again
        Clock.Advance(NoteDraft.FirstRetryWait);

        cut.WaitForAssertion(() => Assert.Equal("Saved", StatusOf(cut)));
        Assert.Equal("Decided: coffee rota", (await Notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, meeting.Id, 1)).Text);
    }

    [Fact]
    public async Task AFailedSave_LogsAWarning_WithoutTheNoteOrAnyName()
    {
        var (meeting, cut) = await RenderAsync();
        Store.Failing = true;

        await SendAsync(cut, new NotesTypedEventArgs { Meeting = meeting.Id.Value.ToString(), Value = "Ana will bring the leaflets", Item = 1, Flush = true });

        cut.WaitForAssertion(() => Assert.Equal(Words["Notes.NotSavedRetrying"], StatusOf(cut)));
        var warning = Assert.Single(_logged, e => e.Level == LogLevel.Warning);
        Assert.Contains("could not be saved", warning.Message, StringComparison.Ordinal);
        Assert.Contains(meeting.Id.Value.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leaflets", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedSave_IsStillSavedToItsOwnItem_AfterTheItemMovesOn()
    {
        var (meeting, cut) = await RenderAsync();
        Store.Failing = true;
        await SendAsync(cut, new NotesTypedEventArgs { Meeting = meeting.Id.Value.ToString(), Value = "Welcome: two newcomers", Item = 1 });
        Clock.Advance(NoteDraft.DefaultQuietPeriod);
        cut.WaitForAssertion(() => Assert.Equal(Words["Notes.NotSavedRetrying"], StatusOf(cut)));

        await meeting.NextItemAsync();
        cut.Render(p => p.Add(c => c.Item, 2));
        cut.WaitForAssertion(() => Assert.Equal("2", cut.ByRole("textbox", "Notes").GetAttribute("data-item")));

        Store.Failing = false;
        Clock.Advance(NoteDraft.LongestRetryWait);

        await WaitForAsync(async () => (await Notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, meeting.Id, 1)).Text == "Welcome: two newcomers");
        Assert.Equal("", (await Notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, meeting.Id, 2)).Text);
    }

    [Fact]
    public async Task ANoteAtTheLimit_InAMultiByteScript_IsStoredWhole()
    {
        var (meeting, cut) = await RenderAsync();
        var note = string.Concat(Enumerable.Repeat("会議の決定事項。", NoteService.MaxLength / 8)) [..(NoteService.MaxLength - 2)] + "🎉";
        Assert.Equal(NoteService.MaxLength, note.Length);

        await SendAsync(cut, new NotesTypedEventArgs { Meeting = meeting.Id.Value.ToString(), Value = note, Item = 1, Flush = true });

        cut.WaitForAssertion(() => Assert.Equal("Saved", StatusOf(cut)));
        Assert.Equal(note, (await Notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, meeting.Id, 1)).Text);
    }

    [Fact]
    public async Task OverTheLimit_TheBoxSaysWhyCalmly_KeepsTheText_AndSavesOnceShortEnough()
    {
        var (meeting, cut) = await RenderAsync();
        await SendAsync(cut, new NotesTypedEventArgs { Meeting = meeting.Id.Value.ToString(), Value = "Next chair: Ben", Item = 1, Flush = true });
        cut.WaitForAssertion(() => Assert.Equal("Saved", StatusOf(cut)));

        // The page does not send text over the limit; it says it holds some (NotesBox.razor.js).
        await SendAsync(cut, new NotesTypedEventArgs { Meeting = meeting.Id.Value.ToString(), Withheld = "length", Item = 1, Flush = true });

        var tooLong = Words.Of(new FieldError("Text", InputProblem.NoteTooLong, ("Max", NoteService.MaxLength)));
        cut.WaitForAssertion(() => Assert.Equal("Not saved: " + tooLong, StatusOf(cut)));
        Clock.Advance(NoteDraft.LongestRetryWait);
        Assert.Equal("Next chair: Ben", (await Notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, meeting.Id, 1)).Text); // nothing half-saved
        Assert.Equal("", cut.ByRole("textbox", "Notes").GetAttribute("value")); // the box, drawn as loaded, keeps what is typed in it

        await SendAsync(cut, new NotesTypedEventArgs { Meeting = meeting.Id.Value.ToString(), Value = "Next chair: Ben, then Ana", Item = 1, Flush = true });

        cut.WaitForAssertion(() => Assert.Equal("Saved", StatusOf(cut)));
        Assert.Equal("Next chair: Ben, then Ana", (await Notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, meeting.Id, 1)).Text);
    }

    [Fact]
    public async Task Saving_DoesNotDrawTheBoxAgain_SoLettersTypedDuringTheRoundTripStay()
    {
        var (meeting, cut) = await RenderAsync();
        await SendAsync(cut, new NotesTypedEventArgs { Meeting = meeting.Id.Value.ToString(), Value = "Decided", Item = 1, Flush = true });

        cut.WaitForAssertion(() => Assert.Equal("Saved", StatusOf(cut)));
        Assert.Equal("Decided", (await Notes.GetAsync(FacilitatorKit.Engine.Roles.Actor.Facilitator, meeting.Id, 1)).Text);
        Assert.Equal("", cut.ByRole("textbox", "Notes").GetAttribute("value")); // unchanged: no diff sets the browser's box back
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Waited 10 s.");
            await Task.Delay(20);
        }
    }

    private sealed class Logs(ConcurrentQueue<(LogLevel Level, string Message)> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel Level, string Message)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
