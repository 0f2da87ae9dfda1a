using FacilitatorKit.Engine;
using FacilitatorKit.Engine.Agenda;
using FacilitatorKit.Web.ViewModels;

namespace FacilitatorKit.Web.Components.Shared;

/// <summary>
/// The agenda's rows while this device edits it. Items keep the meeting's order, but an item removed on another device
/// keeps its row, greyed and with nothing to press, until editing ends: the rows below it do not move up under a finger.
/// </summary>
internal sealed class AgendaEditing(MeetingState state, string removedElsewhere)
{
    private readonly Dictionary<AgendaItemId, AgendaItem> _gone = [];
    private readonly HashSet<AgendaItemId> _removedHere = [];
    private MeetingState _state = state;

    /// <summary>The rows shown, in order: the meeting's, with those removed elsewhere where they were.</summary>
    public IReadOnlyList<AgendaRow> Rows { get; private set; } = [];

    /// <summary>This device is removing the item: it goes from the list, as the person who removed it expects.</summary>
    public void RemovingHere(AgendaItemId item) => _removedHere.Add(item);

    public bool IsGone(AgendaItemId item) => _gone.ContainsKey(item);

    /// <summary>The item of a row: as it is now, or as it last was when it is gone.</summary>
    public AgendaItem? ItemOf(AgendaItemId item, MeetingState now) => _gone.TryGetValue(item, out var gone) ? gone : now.FindItem(item);

    /// <summary>Takes in the meeting as it is now.</summary>
    public void Follow(MeetingState now, IReadOnlyList<AgendaRow> agenda)
    {
        // The meeting's rows fill the places of the rows shown before, in the meeting's order; a row removed elsewhere
        // keeps its place; new items come after.
        var present = agenda.Select(r => r.Id).ToHashSet();
        var live = new Queue<AgendaRow>(agenda);
        var rows = new List<AgendaRow>(agenda.Count + _gone.Count);
        foreach (var shown in Rows)
        {
            if (_gone.ContainsKey(shown.Id))
            {
                rows.Add(shown);
            }
            else if (present.Contains(shown.Id))
            {
                rows.Add(live.Dequeue());
            }
            else if (!_removedHere.Contains(shown.Id) && _state.FindItem(shown.Id) is { } item)
            {
                _gone[shown.Id] = item;
                rows.Add(shown with { Status = removedElsewhere, IsCurrent = false, IsOver = true });
            }
        }

        rows.AddRange(live);
        Rows = rows;
        _state = now;
    }
}
