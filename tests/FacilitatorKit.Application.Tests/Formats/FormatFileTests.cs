using FacilitatorKit.Application.Formats;
using FacilitatorKit.Application.Tests.Support;
using FacilitatorKit.Testing;
using FacilitatorKit.Application.Validation;
using FacilitatorKit.Engine.Agenda;

namespace FacilitatorKit.Application.Tests.Formats;

/// <summary>The built-in formats of DOMAIN.md, as the data files in samples/formats that the app loads.</summary>
public class FormatFileTests
{
    private static TimeSpan? NoLimit => null;
    private static TimeSpan? NoReserve => null;

    public static TheoryData<string> FormatFiles => [.. Directory.EnumerateFiles(Repository.FormatsFolder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FormatFiles))]
    public void EveryFormatFile_LoadsAndIsAValidFormat(string file)
    {
        var format = FormatFile.Load(Path.Combine(Repository.FormatsFolder, file));

        Assert.True(new FormatValidator().Validate(format).IsValid);
        Assert.NotEmpty(format.Items);
    }

    [Fact]
    public void LoadFolder_GivesTheThreeBuiltInFormats()
    {
        var formats = FormatFile.LoadFolder(Repository.FormatsFolder);

        Assert.Equal(["Closed group session", "Peer support circle", "Short check-in"], formats.Select(f => f.Name));
    }

    [Fact]
    public void PeerSupportCircle_MatchesTheDomain()
    {
        var format = Load("peer-support-circle.json");

        Assert.Equal("Peer support circle", format.Name);
        Assert.Equal(TimeSpan.FromMinutes(90), format.TotalTime);
        AssertItems(format,
            ("Welcome and ground rules", AgendaItemKind.Opening, 5, TurnPolicy.RaiseHand, NoLimit, NoReserve),
            ("Check-in", AgendaItemKind.CheckIn, 15, TurnPolicy.GoRound, Minutes(1), NoReserve),
            ("Sharing", AgendaItemKind.Sharing, 40, TurnPolicy.Balanced, Minutes(5), Minutes(10)),
            ("Resources and information", AgendaItemKind.Resources, 10, TurnPolicy.RaiseHand, NoLimit, NoReserve),
            ("Celebrations", AgendaItemKind.Celebrations, 10, TurnPolicy.GoRound, Minutes(1), NoReserve),
            ("Closing: next chair, next meeting, pass the hat", AgendaItemKind.Closing, 10, TurnPolicy.RaiseHand, NoLimit, NoReserve));
    }

    [Fact]
    public void ShortCheckIn_MatchesTheDomain()
    {
        var format = Load("short-check-in.json");

        Assert.Equal("Short check-in", format.Name);
        Assert.Equal(TimeSpan.FromMinutes(45), format.TotalTime);
        AssertItems(format,
            ("Welcome", AgendaItemKind.Opening, 3, TurnPolicy.RaiseHand, NoLimit, NoReserve),
            ("Check-in", AgendaItemKind.CheckIn, 20, TurnPolicy.GoRound, Minutes(2), NoReserve),
            ("Open discussion", AgendaItemKind.OpenDiscussion, 17, TurnPolicy.RaiseHand, Minutes(3), NoReserve),
            ("Closing", AgendaItemKind.Closing, 5, TurnPolicy.RaiseHand, NoLimit, NoReserve));
    }

    [Fact]
    public void ClosedGroupSession_MatchesTheDomain()
    {
        var format = Load("closed-group-session.json");

        Assert.Equal("Closed group session", format.Name);
        Assert.Equal(TimeSpan.FromMinutes(60), format.TotalTime);
        AssertItems(format,
            ("Welcome, session {session} of {sessions}", AgendaItemKind.Opening, 5, TurnPolicy.RaiseHand, NoLimit, NoReserve),
            ("Check-in", AgendaItemKind.CheckIn, 10, TurnPolicy.GoRound, NoLimit, NoReserve),
            ("Topic sharing", AgendaItemKind.Sharing, 30, TurnPolicy.Balanced, Minutes(4), NoReserve),
            ("Group business", AgendaItemKind.GroupBusiness, 10, TurnPolicy.RaiseHand, NoLimit, NoReserve),
            ("Closing", AgendaItemKind.Closing, 5, TurnPolicy.RaiseHand, NoLimit, NoReserve));
    }

    [Fact]
    public void ForSession_FillsInSessionNOfM()
    {
        var format = Load("closed-group-session.json");

        var third = format.ForSession(3, 8);

        Assert.Equal("Welcome, session 3 of 8", third.Items[0].Title);
        Assert.Equal(format.Items.Skip(1), third.Items.Skip(1));
        Assert.Equal(format.TotalTime, third.TotalTime);
        Assert.Equal("Welcome, session {session} of {sessions}", format.Items[0].Title); // the loaded format is left as it was
    }

    [Fact]
    public void ForSession_FormatWithoutPlaceholders_IsUnchanged()
    {
        var format = Load("peer-support-circle.json");

        Assert.Equal(format.Items.AsEnumerable(), format.ForSession(2, 6).Items); // by content: ImmutableArray's Equals is by reference
    }

    [Theory]
    [InlineData("{ \"name\": \"Broken\", \"items\": [", "is not a valid format file")]
    [InlineData("not json at all", "is not a valid format file")]
    [InlineData("{ \"name\": \"Typo\", \"itmes\": [] }", "is not a valid format file")]
    [InlineData("{ \"name\": \"Odd kind\", \"items\": [ { \"title\": \"Welcome\", \"kind\": \"Karaoke\", \"minutes\": 5 } ] }", "is not a valid format file")]
    [InlineData("null", "is empty")]
    [InlineData("{ \"name\": \"Nothing\", \"items\": [] }", "Items (FormatHasNoItems)")]
    [InlineData("{ \"name\": \"Zero\", \"items\": [ { \"title\": \"Welcome\", \"kind\": \"Opening\", \"minutes\": 0 } ] }", "Item.Minutes (TimeBoxOutOfRange)")]
    [InlineData("{ \"name\": \"Reserve\", \"items\": [ { \"title\": \"Sharing\", \"kind\": \"Sharing\", \"minutes\": 10, \"quietReserveMinutes\": 10 } ] }", "QuietReserveTooLong")]
    [InlineData("{ \"items\": [ { \"title\": \"Welcome\", \"kind\": \"Opening\", \"minutes\": 5 } ] }", "Name (NameMissing)")]
    [InlineData("{ \"name\": \"Untitled\", \"items\": [ { \"kind\": \"Opening\", \"minutes\": 5 } ] }", "Item.Title (ItemNeedsTitle)")]
    public void BrokenFile_GivesAClearFormatFileException(string json, string expected)
    {
        var error = Assert.Throws<FormatFileException>(() => FormatFile.Parse(json, "my-format.json"));

        Assert.StartsWith("my-format.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenFile_NamesTheFileInTheMessage()
    {
        var folder = Directory.CreateTempSubdirectory("facilitatorkit-formats-");
        try
        {
            var path = Path.Combine(folder.FullName, "half-written.json");
            File.WriteAllText(path, "{ \"name\": \"Half\", \"items\": [ { \"title\": \"Welcome\", ");

            var error = Assert.Throws<FormatFileException>(() => FormatFile.Load(path));

            Assert.Contains("half-written.json", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(folder.FullName, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAllowedForHandEditedFiles()
    {
        var format = FormatFile.Parse("""
            {
              // a group's own format
              "name": "Our circle",
              "items": [ { "title": "Welcome", "kind": "Opening", "minutes": 5, }, ],
            }
            """);

        Assert.Equal("Our circle", format.Name);
        Assert.Single(format.Items);
    }

    private static MeetingFormat Load(string file) => FormatFile.Load(Path.Combine(Repository.FormatsFolder, file));

    private static TimeSpan? Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    private static void AssertItems(MeetingFormat format, params (string Title, AgendaItemKind Kind, double Minutes, TurnPolicy TurnOrder, TimeSpan? TurnLimit, TimeSpan? QuietReserve)[] expected) =>
        Assert.Equal(
            expected.Select(e => new AgendaItemPlan(e.Title, e.Kind, TimeSpan.FromMinutes(e.Minutes), e.TurnOrder, e.TurnLimit, e.QuietReserve)),
            format.Items);
}
