namespace FacilitatorKit.Engine;

/// <summary>
/// Every limit the meeting rules set, defined once. The engine enforces them; the validators at the boundary and the
/// screens read them from here, so the two can never disagree.
/// </summary>
public static class Limits
{
    /// <summary>A first name or alias: 1 to 40 characters, as a person counts them.</summary>
    public const int NameLength = 40;

    /// <summary>An agenda item's title.</summary>
    public const int TitleLength = 80;

    /// <summary>Where the next meeting is: a few words ("the library, room 2").</summary>
    public const int PlaceLength = 80;

    public static readonly TimeSpan ShortestTimeBox = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestTimeBox = TimeSpan.FromMinutes(240);

    public static readonly TimeSpan ShortestTurnLimit = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan LongestTurnLimit = TimeSpan.FromMinutes(60);

    /// <summary>The shortest quiet-member reserve; it must also be shorter than its item's time box.</summary>
    public static readonly TimeSpan ShortestQuietReserve = TimeSpan.FromMinutes(1);

    /// <summary>One "add time to this turn": at least this, at most <see cref="LongestTurnExtension"/>.</summary>
    public static readonly TimeSpan ShortestTurnExtension = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestTurnExtension = TimeSpan.FromMinutes(15);

    /// <summary>One "add time to this item".</summary>
    public static readonly TimeSpan ShortestItemExtension = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestItemExtension = TimeSpan.FromHours(2);

    /// <summary>
    /// A turn younger than this is not ended by a press that asks first: the press most likely meant the turn before
    /// (a second device a moment behind, or a double press), so the device is asked once.
    /// </summary>
    public static readonly TimeSpan JustStarted = TimeSpan.FromSeconds(2);

    /// <summary>How long a change of speaker can be undone.</summary>
    public static readonly TimeSpan UndoSpeakerChange = TimeSpan.FromSeconds(30);

    /// <summary>A format: at most this many items, and this long in all.</summary>
    public const int FormatItems = 40;
    public static readonly TimeSpan LongestFormat = TimeSpan.FromHours(8);

    // Caps on how much one laptop holds (issue 12 F7: 300 participants, 150 groups and 1,000 events in 29 s were all
    // accepted). Each is well above what a real peer-led group reaches, so a group never meets one; they stop a script
    // or a stuck key from filling the store and the server's memory. Refusals are worded calmly, as any other input.

    /// <summary>
    /// People at one meeting, counting those who left. Peer support groups keep to about 6 to 15, and bigger rooms split
    /// into smaller circles: a check-in round of 60 people at 2 minutes each would already take two hours.
    /// </summary>
    public const int ParticipantsPerMeeting = 60;

    /// <summary>Members of one group who have not left. An open group's roster grows with drop-ins; marking people who stopped coming as left makes room.</summary>
    public const int MembersPerGroup = 200;

    /// <summary>Groups on one laptop: a facilitator or a small organisation runs a handful, a large one a few dozen.</summary>
    public const int Groups = 200;

    /// <summary>A running meeting's agenda: a full format (<see cref="FormatItems"/>) and room for 20 items added on the night.</summary>
    public const int AgendaItems = FormatItems + 20;
}
