using FacilitatorKit.Application.Groups;
using FacilitatorKit.Testing;

namespace FacilitatorKit.Data.Tests;

/// <summary>A group in a fixture's store, with the "Short check-in" format and its members, each joining a day after the one before.</summary>
internal sealed record SeededGroup(GroupRecord Group, MemberRecord[] Members)
{
    public const string FormatName = "Short check-in";

    public const string Format = """
        { "name": "Short check-in", "items": [
          { "title": "Welcome, session {session} of {sessions}", "kind": "Opening", "minutes": 3 },
          { "title": "Open discussion", "kind": "OpenDiscussion", "minutes": 17, "turnOrder": "Balanced", "turnLimitMinutes": 3 } ] }
        """;

    public Guid Id => Group.Id;

    public MemberRecord this[string name] => Members.Single(m => m.Name == name);

    public static async Task<SeededGroup> CreateAsync(SessionFixture f, NewGroup group, bool volunteers, params string[] names)
    {
        await f.AddFormatAsync(Format);
        var created = (await f.Groups.CreateGroupAsync(group)).Value!;
        var members = new List<MemberRecord>();
        foreach (var name in names)
        {
            members.Add((await f.Groups.AddMemberAsync(created.Id, name, volunteers)).Value!);
            f.Clock.Advance(TimeSpan.FromDays(1));
        }

        return new(created, [.. members]);
    }

    /// <summary>Sets up the group's next meeting with everyone present and this chair.</summary>
    public async Task<MeetingCreated> SetUpMeetingAsync(SessionFixture f, string? chair = null) =>
        (await f.Groups.StartNewMeetingAsync(Id, FormatName, [.. Members.Select(m => m.Id)], chair is null ? null : this[chair].Id)).Value!;
}
