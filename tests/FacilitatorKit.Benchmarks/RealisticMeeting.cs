using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine.Speakers;

namespace FacilitatorKit.Benchmarks;

/// <summary>
/// A long peer-support meeting of twelve people, driven command by command with a seeded random: go-rounds with
/// passes and passes for now, balanced and raise-hand sharing with hands up and down, pauses, "add a minute",
/// points of process, the quiet-member reserve, a newcomer arriving and someone leaving, and items added as the
/// evening goes on. The same seed always gives the same log.
/// </summary>
public static class RealisticMeeting
{
    public const int People = 12;

    public static MeetingFormat Format { get; } = new("Peer support circle",
    [
        new("Welcome and ground rules", AgendaItemKind.Opening, TimeSpan.FromMinutes(5)),
        new("Check-in", AgendaItemKind.CheckIn, TimeSpan.FromMinutes(15), TurnPolicy.GoRound, TimeSpan.FromMinutes(1)),
        new("Sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(40), TurnPolicy.Balanced, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)),
        new("Resources and information", AgendaItemKind.Resources, TimeSpan.FromMinutes(10)),
        new("Celebrations", AgendaItemKind.Celebrations, TimeSpan.FromMinutes(10), TurnPolicy.GoRound, TimeSpan.FromMinutes(1)),
        new("Closing", AgendaItemKind.Closing, TimeSpan.FromMinutes(10)),
    ]);

    /// <summary>Drives the meeting until its log holds at least <paramref name="events"/> events.</summary>
    public static MeetingDriver Run(int events, int seed = 2026)
    {
        var driver = MeetingDriver.Started(Format, People);
        var random = new Random(seed);
        var items = 0;
        while (driver.Log.Count < events)
        {
            RunItem(driver, random, ++items);
            NextItem(driver, random);
        }

        return driver;
    }

    private static void RunItem(MeetingDriver d, Random random, int itemNumber)
    {
        var item = d.State.CurrentItem!;
        if (itemNumber == 3)
        {
            d.Do(new AddParticipant(d.NextId(), new Participant(new ParticipantId(new Guid(99, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), "Newcomer", ParticipantKind.Newcomer)) { Actor = d.Facilitator });
        }

        if (itemNumber == 7)
        {
            d.Do(new MarkParticipantLeft(d.NextId(), d.People[5]) { Actor = d.Facilitator });
        }

        switch (item.TurnPolicy)
        {
            case TurnPolicy.GoRound:
                GoRound(d, random);
                break;
            case TurnPolicy.Balanced or TurnPolicy.RaiseHand when item.Kind != AgendaItemKind.Opening:
                OpenFloor(d, random, turns: random.Next(15, 30));
                break;
            default:
                d.Wait(random.Next(120, 300));
                break;
        }
    }

    private static void GoRound(MeetingDriver d, Random random)
    {
        while (d.State.CurrentTurn is not null || d.State.Round is { IsComplete: false })
        {
            d.Do(new NextSpeaker(d.NextId(), d.State.CurrentTurn?.Id) { Actor = d.Facilitator });
            if (d.State.CurrentTurn is not { } turn)
            {
                return;
            }

            var roll = random.Next(100);
            if (roll < 8)
            {
                d.Wait(3);
                d.Do(new Pass(d.NextId(), turn.Id) { Actor = d.Facilitator });
            }
            else if (roll < 16 && !d.State.Round!.PassedForNow.Contains(turn.Participant))
            {
                d.Wait(4);
                d.Do(new PassForNow(d.NextId(), turn.Id) { Actor = d.Facilitator });
            }
            else
            {
                d.Wait(random.Next(25, 80));
            }
        }
    }

    private static void OpenFloor(MeetingDriver d, Random random, int turns)
    {
        for (var i = 0; i < turns; i++)
        {
            RaiseSomeHands(d, random, random.Next(0, 3));
            if (random.Next(100) < 5)
            {
                d.Do(new RaisePointOfProcess(d.NextId(), SomeoneListening(d, random)) { Actor = d.Facilitator });
            }

            MakeSomeoneEligible(d, random);
            d.Do(new NextSpeaker(d.NextId(), d.State.CurrentTurn?.Id) { Actor = d.Facilitator });
            Speak(d, random);
        }

        if (d.State.CurrentTurn is { } turn)
        {
            d.Do(new EndTurn(d.NextId(), turn.Id) { Actor = d.Facilitator });
        }
    }

    private static void Speak(MeetingDriver d, Random random)
    {
        var turn = d.State.CurrentTurn!;
        d.Wait(random.Next(30, 150));
        if (random.Next(100) < 15)
        {
            d.Do(new PauseTurn(d.NextId(), turn.Id) { Actor = d.Facilitator });
            d.Wait(random.Next(10, 60));
            d.Do(new ResumeTurn(d.NextId(), turn.Id) { Actor = d.Facilitator });
        }

        RaiseSomeHands(d, random, random.Next(0, 2));
        if (random.Next(100) < 10)
        {
            d.Do(new LowerHand(d.NextId(), SomeoneListening(d, random)) { Actor = d.Facilitator });
        }

        d.Wait(random.Next(20, 150));
        if (turn.Limit is not null && random.Next(100) < 15)
        {
            d.Do(ExtendTurn.AddAMinute(d.NextId(), turn.Id) with { Actor = d.Facilitator });
            d.Wait(random.Next(20, 60));
        }
    }

    /// <summary>Nobody eligible waiting: a quiet member is invited, or the reserve is opened once everyone has shared.</summary>
    private static void MakeSomeoneEligible(MeetingDriver d, Random random)
    {
        if (SpeakerOrder.NextEligible(d.State, d.Now) is not null)
        {
            return;
        }

        var quiet = d.State.PresentParticipants
            .Where(p => !d.State.SharedInCurrentItem.Contains(p.Id) && p.Id != d.State.CurrentTurn?.Participant)
            .Select(p => p.Id)
            .ToList();
        if (quiet.Count > 0)
        {
            d.Do(new RaiseHand(d.NextId(), quiet[random.Next(quiet.Count)]) { Actor = d.Facilitator });
        }
        else if (d.State.CurrentItem!.IsQuietReserveActive(d.Now))
        {
            d.Do(new ReleaseQuietReserve(d.NextId(), d.State.CurrentItemId!.Value) { Actor = d.Facilitator });
        }

        if (SpeakerOrder.NextEligible(d.State, d.Now) is null)
        {
            d.Do(new RaiseHand(d.NextId(), SomeoneListening(d, random)) { Actor = d.Facilitator });
        }
    }

    private static void RaiseSomeHands(MeetingDriver d, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            d.Do(new RaiseHand(d.NextId(), SomeoneListening(d, random)) { Actor = d.Facilitator });
            d.Wait(random.Next(2, 10));
        }
    }

    /// <summary>Someone present who is not speaking right now.</summary>
    private static ParticipantId SomeoneListening(MeetingDriver d, Random random)
    {
        var listening = d.State.PresentParticipants.Where(p => p.Id != d.State.CurrentTurn?.Participant).ToList();
        return listening[random.Next(listening.Count)].Id;
    }

    /// <summary>Moves on; when the agenda runs out, the group carries on with another round of sharing or a go-round.</summary>
    private static void NextItem(MeetingDriver d, Random random)
    {
        if (!d.State.Agenda.Exists(i => i.Status == AgendaItemStatus.Pending))
        {
            var plan = random.Next(3) == 0
                ? new AgendaItemPlan("Another round", AgendaItemKind.CheckIn, TimeSpan.FromMinutes(15), TurnPolicy.GoRound, TimeSpan.FromMinutes(1))
                : new AgendaItemPlan("More sharing", AgendaItemKind.Sharing, TimeSpan.FromMinutes(40), TurnPolicy.Balanced, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
            d.Do(new AddAgendaItem(d.NextId(), plan) { Actor = d.Facilitator });
        }

        d.Do(new NextItem(d.NextId(), d.State.CurrentItemId) { Actor = d.Facilitator });
    }
}
