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

    /// <summary>A format: at most this many items, and this long in all.</summary>
    public const int FormatItems = 40;
    public static readonly TimeSpan LongestFormat = TimeSpan.FromHours(8);
}
