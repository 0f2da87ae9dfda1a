using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace FacilitatorKit.Engine.Tests.Properties;

/// <summary>What a facilitator (or a member, or the room display) might do next, or time passing.</summary>
public enum Act
{
    RaiseHand,
    LowerHand,
    PointOfProcess,
    NextSpeaker,
    Pause,
    Resume,
    AddAMinute,
    EndTurn,
    Pass,
    PassForNow,
    NextItem,
    Leaves,
    Arrives,
    Wait,

    /// <summary>The previous command is sent again with the same id, as a retrying device would.</summary>
    Retry,
    EndMeeting,
}

/// <summary>Who sends the command. <see cref="Self"/> is the member the command is about, from their own device.</summary>
public enum Sender
{
    Facilitator,
    CoFacilitator,
    Self,
    Display,
}

/// <summary>
/// One step of a script. The step is abstract: <see cref="MeetingRun"/> turns it into a concrete command against the
/// state of the moment (the turn under way, the current item), so any sequence of steps is a valid script and
/// shrinking by dropping steps keeps it valid.
/// </summary>
/// <param name="Person">Which person, counted round the room (everyone who came, including newcomers).</param>
/// <param name="Seconds">How long to wait, or (for an arrival) where to sit.</param>
/// <param name="Stale">The command names state that has already moved on, as a second device would.</param>
public sealed record Step(Act Act, int Person, int Seconds, Sender Sender, bool Stale)
{
    public override string ToString() => Act switch
    {
        Act.Wait => $"Wait {Seconds}s",
        Act.Retry => "Retry",
        _ => $"{Act} #{Person}{(Sender == Sender.Facilitator ? "" : $" by {Sender}")}{(Stale ? " (stale)" : "")}",
    };
}

/// <summary>A random small group meeting in the peer support circle format, and what happens in it.</summary>
/// <param name="RecentMinutes">Each person's airtime over the group's recent meetings, in minutes (the balanced order's third key).</param>
/// <param name="StartAtItem">How many agenda items to move on before the steps begin.</param>
public sealed record MeetingScript(int GroupSize, int ChairSeat, int StartAtItem, ImmutableArray<int> RecentMinutes, ImmutableArray<Step> Steps)
{
    public override string ToString() =>
        $"{GroupSize} people, chair at seat {ChairSeat}, from item {StartAtItem + 1}, recent minutes [{string.Join(", ", RecentMinutes)}]: " +
        string.Join("; ", Steps);
}

public static class MeetingScripts
{
    public const int MaxGroupSize = 7;

    public static Gen<Act> Acts { get; } = Gen.Frequency(
        (12, Gen.Constant(Act.RaiseHand)),
        (3, Gen.Constant(Act.LowerHand)),
        (3, Gen.Constant(Act.PointOfProcess)),
        (12, Gen.Constant(Act.NextSpeaker)),
        (3, Gen.Constant(Act.Pause)),
        (3, Gen.Constant(Act.Resume)),
        (2, Gen.Constant(Act.AddAMinute)),
        (5, Gen.Constant(Act.EndTurn)),
        (3, Gen.Constant(Act.Pass)),
        (3, Gen.Constant(Act.PassForNow)),
        (5, Gen.Constant(Act.NextItem)),
        (2, Gen.Constant(Act.Leaves)),
        (3, Gen.Constant(Act.Arrives)),
        (20, Gen.Constant(Act.Wait)),
        (3, Gen.Constant(Act.Retry)),
        (1, Gen.Constant(Act.EndMeeting)));

    /// <summary>Mostly short waits, some of a few minutes, now and then a long stretch (so quiet reserves and overtime come up).</summary>
    public static Gen<int> Seconds { get; } = Gen.Frequency(
        (6, Gen.Choose(1, 60)),
        (3, Gen.Choose(60, 300)),
        (1, Gen.Choose(300, 1200)));

    public static Gen<Sender> Senders { get; } = Gen.Frequency(
        (14, Gen.Constant(Sender.Facilitator)),
        (3, Gen.Constant(Sender.CoFacilitator)),
        (2, Gen.Constant(Sender.Self)),
        (1, Gen.Constant(Sender.Display)));

    public static Gen<Step> Steps { get; } =
        from act in Acts
        from person in Gen.Choose(0, 2 * MaxGroupSize)
        from seconds in Seconds
        from sender in Senders
        from stale in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Step(act, person, seconds, sender, stale);

    public static Gen<MeetingScript> Scripts { get; } =
        from size in Gen.Choose(2, MaxGroupSize)
        from chair in Gen.Choose(0, MaxGroupSize - 1)
        from startAt in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (5, Gen.Constant(2)), (1, Gen.Choose(3, 5)))
        from recent in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 30))), MaxGroupSize)
        from length in Gen.Choose(1, 90)
        from steps in Gen.ArrayOf(Steps, length)
        select new MeetingScript(size, chair % size, startAt, [.. recent], [.. steps]);

    public static Arbitrary<MeetingScript> Arbitrary { get; } = Arb.From(Scripts, Shrink);

    /// <summary>Fewer steps first (halves, then one at a time), then an earlier starting item.</summary>
    public static IEnumerable<MeetingScript> Shrink(MeetingScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var steps = script.Steps;
        if (steps.Length > 1)
        {
            yield return script with { Steps = steps[..(steps.Length / 2)] };
            yield return script with { Steps = steps[(steps.Length / 2)..] };
        }

        for (var i = steps.Length - 1; i >= 0; i--)
        {
            yield return script with { Steps = steps.RemoveAt(i) };
        }

        if (script.StartAtItem > 0)
        {
            yield return script with { StartAtItem = script.StartAtItem - 1 };
        }

        if (script.GroupSize > 2)
        {
            yield return script with { GroupSize = script.GroupSize - 1, ChairSeat = script.ChairSeat % (script.GroupSize - 1) };
        }
    }
}
