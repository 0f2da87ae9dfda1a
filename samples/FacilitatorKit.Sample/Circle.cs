using System.Collections.Immutable;
using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Chair;
using FacilitatorKit.Engine.Participants;

namespace FacilitatorKit.Sample;

/// <summary>The people of the sample group, by first name or alias, with fixed ids so every run prints the same.</summary>
internal static class Circle
{
    public static readonly MeetingId Meeting = new(new Guid(0x5a0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));

    public static readonly ParticipantId Ana = Person(1);
    public static readonly ParticipantId Ben = Person(2);
    public static readonly ParticipantId Cai = Person(3);
    public static readonly ParticipantId Dee = Person(4);
    public static readonly ParticipantId Eli = Person(5);

    /// <summary>The guest who arrives on the spot.</summary>
    public static readonly ParticipantId Fran = Person(6);

    /// <summary>A member who volunteers for the chair but has not come for a while.</summary>
    public static readonly ParticipantId Gus = Person(7);

    /// <summary>The members who are there at the start, in seating order.</summary>
    public static ImmutableArray<Participant> Arrived { get; } =
    [
        new(Ana, "Ana"),
        new(Ben, "Ben"),
        new(Cai, "Cai"),
        new(Dee, "Dee"),
        new(Eli, "Eli"),
    ];

    /// <summary>Airtime over the group's recent meetings: the balanced order's third key.</summary>
    public static ImmutableDictionary<ParticipantId, TimeSpan> RecentAirtime { get; } = new Dictionary<ParticipantId, TimeSpan>
    {
        [Ana] = TimeSpan.FromMinutes(22),
        [Ben] = TimeSpan.FromMinutes(15),
        [Cai] = TimeSpan.FromMinutes(9),
        [Dee] = TimeSpan.FromMinutes(31),
        [Eli] = TimeSpan.FromMinutes(2),
    }.ToImmutableDictionary();

    /// <summary>The group's members as the chair rota sees them.</summary>
    public static IReadOnlyList<RotaMember> RotaMembers { get; } =
    [
        new(Ana, "Ana", Volunteers: true, IsActive: true, JoinedAt: Day(2024, 2, 1)),
        new(Ben, "Ben", Volunteers: true, IsActive: true, JoinedAt: Day(2024, 5, 9)),
        new(Cai, "Cai", Volunteers: true, IsActive: true, JoinedAt: Day(2025, 9, 4)),
        new(Dee, "Dee", Volunteers: false, IsActive: true, JoinedAt: Day(2023, 11, 16)),
        new(Eli, "Eli", Volunteers: true, IsActive: true, JoinedAt: Day(2026, 1, 8)),
        new(Gus, "Gus", Volunteers: true, IsActive: false, JoinedAt: Day(2023, 6, 1)),
    ];

    /// <summary>Who chaired the group's last few meetings.</summary>
    public static IReadOnlyList<ChairRecord> ChairHistory { get; } =
    [
        new(Dee, Day(2026, 10, 22)),
        new(Ben, Day(2026, 10, 29)),
        new(Ana, Day(2026, 11, 5)),
        new(Ben, Day(2026, 11, 12)),
        new(Ana, Day(2026, 11, 19)),
    ];

    private static ParticipantId Person(int seatNumber) => new(new Guid(seatNumber, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 19, 0, 0, TimeSpan.Zero);
}
