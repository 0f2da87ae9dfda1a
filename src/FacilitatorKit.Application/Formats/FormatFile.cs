using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Application.Formats;

/// <summary>
/// Reads meeting formats from JSON files (samples/formats/*.json). Times are in minutes. A title may hold
/// {session} and {sessions}, filled in for closed groups ("session 3 of 8").
/// </summary>
public static class FormatFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static MeetingFormat Parse(string json, string source = "format")
    {
        FormatDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<FormatDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatFileException($"{source} is not a valid format file: {e.Message}", e);
        }

        if (document is null)
        {
            throw new FormatFileException($"{source} is empty.");
        }

        var format = new MeetingFormat(
            document.Name ?? "",
            [.. (document.Items ?? []).Select(i => new AgendaItemInput(i.Title, i.Kind, i.Minutes, i.TurnOrder, i.TurnLimitMinutes, i.QuietReserveMinutes).ToPlan())]);
        var result = new FormatValidator().Validate(format);
        if (!result.IsValid)
        {
            throw new FormatFileException($"{source} breaks the format rules: {string.Join("; ", result.Errors.Select(e => $"{e.PropertyName} ({e.ErrorCode})").Distinct())}.");
        }

        return format;
    }

    public static MeetingFormat Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Every *.json format in a folder, sorted by file name.</summary>
    public static IReadOnlyList<MeetingFormat> LoadFolder(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Load)];

    /// <summary>Fills in "session N of M" for a closed group's meeting.</summary>
    public static MeetingFormat ForSession(this MeetingFormat format, int session, int sessions)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format with
        {
            Items = [.. format.Items.Select(i => i with
            {
                Title = i.Title.Replace("{session}", session.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{sessions}", sessions.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            })],
        };
    }

    private sealed record FormatDocument(string? Name, string? Description, ImmutableArray<ItemDocument>? Items);

    private sealed record ItemDocument(
        string? Title,
        AgendaItemKind Kind,
        double Minutes,
        TurnPolicy TurnOrder = TurnPolicy.RaiseHand,
        double? TurnLimitMinutes = null,
        double? QuietReserveMinutes = null);
}

public sealed class FormatFileException : Exception
{
    public FormatFileException()
    {
    }

    public FormatFileException(string message)
        : base(message)
    {
    }

    public FormatFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
