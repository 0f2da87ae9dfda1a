using FacilitatorKit.Application.Meetings;
using FacilitatorKit.Application.Notes;
using FacilitatorKit.Application.Ports;
using FacilitatorKit.Application.Summaries;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Roles;
using FacilitatorKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FacilitatorKit.Data.Tests;

/// <summary>Issue 13 §1: the meeting summary, prefilled from the meeting, saved in versions, validated at the boundary.</summary>
public class SummaryServiceTests
{
    [Fact]
    public async Task Prefill_HasTheFacts_TheHeldItems_TheirNotes_AndTheNextMeeting_ButNeverAirtime()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana", "Ben", "Cy");
        await RunAsync(f.Notes, session, people, notesOnCheckIn: "- Agreed: new room from January\n\n* Ben books it");
        var summaries = Summaries(f);

        var summary = (await summaries.GetAsync(session.Id))!;

        Assert.Equal(0, summary.Version);
        Assert.True(summary.Facts.HasEnded);
        Assert.Equal("Tuesday circle", summary.Facts.Group);
        Assert.Equal("Ana", summary.Facts.ChairOfTheDay);
        Assert.Equal([("Ana", "Ben")], summary.Facts.Handovers.Select(h => (h.From, h.To)));
        Assert.Equal(["Ana", "Ben", "Cy"], summary.Facts.WhoCame);
        Assert.Equal(["Welcome", "Check-in", "Open discussion"], summary.Content.Items.Select(i => i.Title));
        Assert.Equal(["Agreed: new room from January", "Ben books it"], summary.Content.Items[1].Decisions);
        Assert.Equal(new DateOnly(2026, 12, 1), summary.Content.NextOn);
        Assert.Equal("Library, room 2", summary.Content.NextPlace);

        // The summary carries names, items and group business: no figure of anyone's speaking time anywhere in it.
        var everything = System.Text.Json.JsonSerializer.Serialize(summary);
        Assert.DoesNotContain("airtime", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("00:00:", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachSave_IsANewVersion_AndTheOlderVersionsStayReadable()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana", "Ben");
        await RunAsync(f.Notes, session, people);
        var summaries = Summaries(f);
        var prefilled = (await summaries.GetAsync(session.Id))!;

        var first = await summaries.SaveAsync(session.Id, WithDecision(prefilled.Content, "Tea rota from next week"), basedOnVersion: 0);
        var second = await summaries.SaveAsync(session.Id, WithAction(first.Current!.Content, "Book the room", "Ben"), basedOnVersion: 1);

        Assert.Equal((SummarySaveStatus.Saved, 1), (first.Status, first.Current.Version));
        Assert.Equal((SummarySaveStatus.Saved, 2), (second.Status, second.Current!.Version));
        var latest = (await summaries.GetAsync(session.Id))!;
        Assert.Equal(2, latest.Version);
        Assert.Equal(new ActionItem("Book the room", "Ben"), latest.Content.Items[0].Actions.Single());
        var older = (await summaries.GetVersionAsync(session.Id, 1))!;
        Assert.Empty(older.Content.Items[0].Actions);
        Assert.Contains("Tea rota from next week", older.Content.Items[0].Decisions);
        Assert.Equal(2, await f.Host.Services.GetRequiredService<ISummaryRepository>().CountAsync(session.Id));
    }

    [Fact]
    public async Task SavingAnOlderVersion_IsAConflict_WritesNothing_AndTheNewerVersionComesBack()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana", "Ben");
        await RunAsync(f.Notes, session, people);
        var summaries = Summaries(f);
        var opened = (await summaries.GetAsync(session.Id))!; // both devices opened version 0

        var laptop = await summaries.SaveAsync(session.Id, WithDecision(opened.Content, "Laptop's decision"), basedOnVersion: 0);
        var tablet = await summaries.SaveAsync(session.Id, WithDecision(opened.Content, "Tablet's decision"), basedOnVersion: 0);

        Assert.Equal(SummarySaveStatus.Saved, laptop.Status);
        Assert.Equal(SummarySaveStatus.Conflict, tablet.Status);
        Assert.True(tablet.Problems.Single().Is(InputProblem.SummaryChangedElsewhere));
        Assert.Equal(1, tablet.Current!.Version);
        Assert.Contains("Laptop's decision", tablet.Current.Content.Items[0].Decisions);

        // Saved again on the version it now knows, the tablet's text becomes the newest; the laptop's stays as version 1.
        var again = await summaries.SaveAsync(session.Id, WithDecision(opened.Content, "Tablet's decision"), basedOnVersion: 1);
        Assert.Equal((SummarySaveStatus.Saved, 2), (again.Status, again.Current!.Version));
        Assert.Contains("Laptop's decision", (await summaries.GetVersionAsync(session.Id, 1))!.Content.Items[0].Decisions);
    }

    [Fact]
    public async Task ASaveNamingAVersionNotYetStored_IsAConflict_NotAGap()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana");
        await RunAsync(f.Notes, session, people);
        var summaries = Summaries(f);
        var opened = (await summaries.GetAsync(session.Id))!;

        var result = await summaries.SaveAsync(session.Id, opened.Content, basedOnVersion: 5);

        Assert.Equal(SummarySaveStatus.Conflict, result.Status);
        Assert.Equal(0, await f.Host.Services.GetRequiredService<ISummaryRepository>().CountAsync(session.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ana@example.com")]
    [InlineData("Ana\u0007")]
    [InlineData("Ana\nBen")]
    [InlineData("Alexandria-Constantina-Bartholomew-Smith-Jones")]
    public async Task AnActionItem_NeedsAnOwnerNamedAsMembersAre_ElseNothingIsStored(string owner)
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana");
        await RunAsync(f.Notes, session, people);
        var summaries = Summaries(f);
        var opened = (await summaries.GetAsync(session.Id))!;

        var result = await summaries.SaveAsync(session.Id, WithAction(opened.Content, "Bring leaflets", owner), basedOnVersion: 0);

        Assert.Equal(SummarySaveStatus.Refused, result.Status);
        Assert.Equal("Items[0].Actions[0].Owner", result.Problems[0].Field);
        Assert.Equal(0, await f.Host.Services.GetRequiredService<ISummaryRepository>().CountAsync(session.Id));
    }

    [Fact]
    public async Task Entries_AreCappedInLength_AndKeepNoControlCharacters_AndBlankOnesAreLeftOut()
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana");
        await RunAsync(f.Notes, session, people);
        var summaries = Summaries(f);
        var opened = (await summaries.GetAsync(session.Id))!;

        var tooLong = await summaries.SaveAsync(session.Id, WithDecision(opened.Content, new string('a', SummaryContentValidator.MaxEntryLength + 1)), 0);
        var bell = await summaries.SaveAsync(session.Id, WithDecision(opened.Content, "ring\u0007"), 0);
        var blank = await summaries.SaveAsync(session.Id, WithDecision(opened.Content, "   "), 0);
        var markup = await summaries.SaveAsync(session.Id, WithDecision(opened.Content, "<b>kept as typed</b>"), 1);

        Assert.True(tooLong.Problems.Single().Is(InputProblem.SummaryEntryTooLong));
        Assert.True(bell.Problems.Single().Is(InputProblem.SummaryEntryHasInvisibleCharacters));
        Assert.Equal(SummarySaveStatus.Saved, blank.Status);
        Assert.Empty(blank.Current!.Content.Items[0].Decisions);
        Assert.Equal(["<b>kept as typed</b>"], markup.Current!.Content.Items[0].Decisions);
    }

    [Fact]
    public async Task BeforeTheMeetingEnds_TheSummaryCanBeRead_ButNotSaved()
    {
        await using var f = new SessionFixture();
        var (session, _) = await f.NewMeetingAsync("Ana");
        await session.SubmitAsync(new StartMeeting(CommandId.New()), Actor.Facilitator);
        var summaries = Summaries(f);
        var opened = (await summaries.GetAsync(session.Id))!;

        var result = await summaries.SaveAsync(session.Id, opened.Content, 0);

        Assert.False(opened.Facts.HasEnded);
        Assert.True(result.Problems.Single().Is(InputProblem.MeetingNotEnded));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Display)]
    public async Task OnlyFacilitatorRoles_MaySave(Role role)
    {
        await using var f = new SessionFixture();
        var (session, people) = await f.NewMeetingAsync("Ana");
        await RunAsync(f.Notes, session, people);
        var opened = (await Summaries(f).GetAsync(session.Id))!;

        var asThem = f.Host.As(new Actor(role, role == Role.Member ? people[0].Id : null), s => s.GetRequiredService<SummaryService>());
        var refused = await asThem.SaveAsync(session.Id, opened.Content, 0);
        var asCo = f.Host.As(Actor.CoFacilitator, s => s.GetRequiredService<SummaryService>());
        var saved = await asCo.SaveAsync(session.Id, opened.Content, 0);

        Assert.Equal(SummarySaveStatus.Refused, refused.Status);
        Assert.Equal(RefusalReason.RoleMayNot, refused.Problems.Single().Refusal?.Reason);
        Assert.Equal((SummarySaveStatus.Saved, 1), (saved.Status, saved.Current!.Version));
    }

    [Fact]
    public async Task AMeetingThatDoesNotExist_HasNoSummary()
    {
        await using var f = new SessionFixture();

        Assert.Null(await Summaries(f).GetAsync(MeetingId.New()));
    }

    private static SummaryService Summaries(SessionFixture f) => f.Host.Services.GetRequiredService<SummaryService>();

    /// <summary>Start; a note on the check-in; Ana hands the chair to Ben; the closing's next meeting is agreed; end.</summary>
    private static async Task RunAsync(NoteService notes, MeetingSession session, Participant[] people, string? notesOnCheckIn = null)
    {
        async Task Do(MeetingCommand command) => Assert.True((await session.SubmitAsync(command, Actor.Facilitator)).IsAccepted, command.ToString());
        await Do(new StartMeeting(CommandId.New()));
        await Do(new NextItem(CommandId.New(), session.State.CurrentItemId));
        if (notesOnCheckIn is not null)
        {
            var saved = await notes.SaveAsync(Actor.CoFacilitator, session.Id, session.State.CurrentItemId!.Value.Value, notesOnCheckIn, 0);
            Assert.Equal(NoteSaveStatus.Saved, saved.Status);
        }

        if (people.Length > 1)
        {
            await Do(new HandOverChair(CommandId.New(), people[0].Id, people[1].Id));
        }

        await Do(new NextItem(CommandId.New(), session.State.CurrentItemId));
        await Do(new PlanNextMeeting(CommandId.New(), new DateOnly(2026, 12, 1), "Library, room 2"));
        await Do(new EndMeeting(CommandId.New()));
    }

    private static SummaryContent WithDecision(SummaryContent content, string decision) =>
        content with { Items = [content.Items[0] with { Decisions = [.. content.Items[0].Decisions, decision] }, .. content.Items.Skip(1)] };

    private static SummaryContent WithAction(SummaryContent content, string what, string owner) =>
        content with { Items = [content.Items[0] with { Actions = [.. content.Items[0].Actions, new ActionItem(what, owner)] }, .. content.Items.Skip(1)] };
}
