namespace FacilitatorKit.Engine.Chair;

/// <summary>A member as the chair rota sees them.</summary>
public sealed record RotaMember(ParticipantId Member, string Name, bool Volunteers, bool IsActive, DateTimeOffset JoinedAt);

/// <summary>Someone chaired (or took over the chair) at a meeting.</summary>
public sealed record ChairRecord(ParticipantId Member, DateTimeOffset ChairedAt);

/// <summary>
/// The chair rota rule (DOMAIN.md, rule 5), a pure function of the group's history: the next chair is the active
/// volunteer who chaired least recently; someone who has never chaired comes first; ties go by who joined first.
/// </summary>
public static class ChairRota
{
    /// <summary>Every eligible member, in rota order. The facilitator may skip down the list or pick someone else.</summary>
    public static IReadOnlyList<RotaMember> Order(IEnumerable<RotaMember> members, IEnumerable<ChairRecord> history)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(history);
        var lastChaired = new Dictionary<ParticipantId, DateTimeOffset>();
        foreach (var record in history)
        {
            if (!lastChaired.TryGetValue(record.Member, out var seen) || record.ChairedAt > seen)
            {
                lastChaired[record.Member] = record.ChairedAt;
            }
        }

        return members
            .Where(m => m.Volunteers && m.IsActive)
            .OrderBy(m => lastChaired.TryGetValue(m.Member, out var at) ? at : DateTimeOffset.MinValue)
            .ThenBy(m => m.JoinedAt)
            .ThenBy(m => m.Member.Value)
            .ToList();
    }

    /// <summary>The proposed next chair, passing over anyone the facilitator skipped; null when nobody volunteers.</summary>
    public static RotaMember? ProposeNext(IEnumerable<RotaMember> members, IEnumerable<ChairRecord> history, IEnumerable<ParticipantId>? skipped = null)
    {
        var skip = skipped?.ToHashSet() ?? [];
        return Order(members, history).FirstOrDefault(m => !skip.Contains(m.Member));
    }
}
