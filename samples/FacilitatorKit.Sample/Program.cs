using FacilitatorKit.Application.Formats;
using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Sample;

/// <summary>
/// Scripts a whole "Peer support circle" meeting on a manual clock and prints what the facilitator would see.
/// Usage: <c>dotnet run --project samples/FacilitatorKit.Sample [path/to/format.json]</c>.
/// Exits 0 when every scripted command was accepted, 1 when one was refused, 2 when the format can't be found or doesn't fit.
/// </summary>
public static class Program
{
    private const string FormatFileName = "peer-support-circle.json";

    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = Console.Out;
        if (LoadFormat(args.Length > 0 ? args[0] : FindFormat(), output) is not { } format)
        {
            return 2;
        }

        try
        {
            new PeerSupportCircle(format, output).Run();
            return 0;
        }
        catch (ScriptStepFailedException failed)
        {
            output.WriteLine();
            output.WriteLine($"The script stopped: {failed.Message}");
            return 1;
        }
    }

    /// <summary>The format the script runs, or null (with the reason printed) when it can't be used.</summary>
    private static MeetingFormat? LoadFormat(string? path, TextWriter output)
    {
        if (path is null || !File.Exists(path))
        {
            output.WriteLine($"Can't find the format file {path ?? FormatFileName}. Pass its path as the first argument.");
            return null;
        }

        MeetingFormat format;
        try
        {
            format = FormatFile.Load(path);
        }
        catch (FormatFileException invalid)
        {
            output.WriteLine(invalid.Message);
            return null;
        }

        if (!PeerSupportCircle.Fits(format))
        {
            output.WriteLine($"The script follows the Peer support circle's agenda, and {Path.GetFileName(path)} has a different one.");
            return null;
        }

        return format;
    }

    /// <summary>samples/formats/peer-support-circle.json, found by walking up to the folder that holds FacilitatorKit.sln.</summary>
    private static string? FindFormat()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FacilitatorKit.sln")))
            {
                return Path.Combine(folder.FullName, "samples", "formats", FormatFileName);
            }
        }

        return null;
    }
}
