namespace FacilitatorKit.Engine.Agenda;

public enum AgendaItemStatus
{
    Pending,
    Running,
    Done,
    Skipped,
}
