using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FacilitatorKit.Engine.Participants;
using FacilitatorKit.Engine;

namespace FacilitatorKit.Data.Events;

/// <summary>
/// How meeting events are written to the log: a stable type name and a JSON body. The type name is the event's
/// class name; renaming an event class is a schema change (EventJsonTests pins the names).
/// People are written by id only, never by name (schema 6, issue 13 §4): the log is append-only, so a name written
/// into it could never be erased. Names live in the ParticipantNames table, written in the same transaction as the
/// event that introduces the person, and <see cref="WithNames"/> puts them back when the log is read.
/// </summary>
public static class EventJson
{
    private static readonly FrozenDictionary<string, Type> TypesByName = typeof(MeetingEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(MeetingEvent)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static JsonSerializerOptions Options { get; } = CreateOptions(namesOut: true);

    /// <summary>For a group's export only: the same JSON, with each person's name beside their id.</summary>
    public static JsonSerializerOptions ExportOptions { get; } = CreateOptions(namesOut: false);

    public static IReadOnlyCollection<string> KnownTypes => TypesByName.Keys;

    public static string TypeName(MeetingEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.GetType().Name;
    }

    public static string Serialize(MeetingEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return JsonSerializer.Serialize(@event, @event.GetType(), Options);
    }

    /// <summary>The people an event introduces, with their names: what the log keeps apart from the event.</summary>
    public static IEnumerable<Participant> PeopleIn(MeetingEvent @event) => @event switch
    {
        MeetingSetUp setUp => setUp.Participants,
        ParticipantAdded added => [added.Participant],
        _ => [],
    };

    /// <summary>
    /// The event with each person it introduces named by <paramref name="nameOf"/>; a person without a name (their name
    /// was erased) reads as <see cref="Participant.RemovedName"/>.
    /// </summary>
    public static MeetingEvent WithNames(MeetingEvent @event, Func<ParticipantId, string?> nameOf)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        Participant Named(Participant p) => p with { Name = nameOf(p.Id) ?? Participant.RemovedName };
        return @event switch
        {
            MeetingSetUp setUp => setUp with { Participants = [.. setUp.Participants.Select(Named)] },
            ParticipantAdded added => added with { Participant = Named(added.Participant) },
            _ => @event,
        };
    }

    /// <summary>
    /// Reads an event from the log. The people it introduces have no name yet (null): pass the result through
    /// <see cref="WithNames"/>.
    /// </summary>
    public static MeetingEvent Deserialize(string type, string json)
    {
        if (!TypesByName.TryGetValue(type, out var clr))
        {
            throw new InvalidDataException($"The meeting log holds an event of unknown type '{type}'.");
        }

        return (MeetingEvent)(JsonSerializer.Deserialize(json, clr, Options)
            ?? throw new InvalidDataException($"The meeting log holds an empty '{type}' event."));
    }

    private static JsonSerializerOptions CreateOptions(bool namesOut)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters =
            {
                new JsonStringEnumConverter(),
                new GuidIdConverter<MeetingId>(v => new(v), id => id.Value),
                new GuidIdConverter<ParticipantId>(v => new(v), id => id.Value),
                new GuidIdConverter<CommandId>(v => new(v), id => id.Value),
                new IntIdConverter<AgendaItemId>(v => new(v), id => id.Value),
                new IntIdConverter<TurnId>(v => new(v), id => id.Value),
            },
        };
        options.TypeInfoResolver = namesOut ? new DefaultJsonTypeInfoResolver { Modifiers = { LeaveNamesOut } } : new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A participant is written as its id, kind and presence: its name is never written into the log.</summary>
    private static void LeaveNamesOut(JsonTypeInfo info)
    {
        if (info.Type != typeof(Participant))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Name == "name"))
        {
            property.ShouldSerialize = static (_, _) => false;
        }
    }

    private sealed class GuidIdConverter<T>(Func<Guid, T> create, Func<T, Guid> value) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => create(reader.GetGuid());

        public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            create(Guid.Parse(reader.GetString()!));

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T id, JsonSerializerOptions options) =>
            writer.WritePropertyName(value(id).ToString());
    }

    private sealed class IntIdConverter<T>(Func<int, T> create, Func<T, int> value) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => create(reader.GetInt32());

        public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteNumberValue(value(id));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            create(int.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T id, JsonSerializerOptions options) =>
            writer.WritePropertyName(value(id).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
