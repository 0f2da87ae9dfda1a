using MudBlazor;

namespace FacilitatorKit.Web.Look;

/// <summary>How a device chooses to look. "Device" follows what the device asks for (dark mode, more contrast).</summary>
public enum LookChoice
{
    Device,
    Light,
    Dark,
    HighContrast,
}

/// <summary>
/// The app's one calm theme, in light and dark, and a high-contrast variant: quiet blues and greys, warm tones only for
/// cues, the device's own fonts (a church hall may have no internet), sentence-case buttons, and a type scale that reads
/// at arm's length on a tablet. The room display enlarges it further in its own styles.
/// </summary>
public static class Themes
{
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>The looks, each as the value of the page's data-look attribute (the calm light one is the default).</summary>
    public static IReadOnlyList<(string Look, MudTheme Theme, bool Dark)> All { get; } =
    [
        ("light", Make(CalmLight(), CalmDark(), ":root"), false),
        ("dark", Make(CalmLight(), CalmDark(), ":root[data-look='dark']"), true),
        ("high-contrast", Make(HighContrastLight(), HighContrastDark(), ":root[data-look='high-contrast']"), false),
        ("high-contrast-dark", Make(HighContrastLight(), HighContrastDark(), ":root[data-look='high-contrast-dark']"), true),
    ];

    private static MudTheme Make(PaletteLight light, PaletteDark dark, string scope) => new()
    {
        PaletteLight = light,
        PaletteDark = dark,
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.45" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "1.6rem", FontWeight = "700", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.2rem", FontWeight = "650", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = Fonts, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.3" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.45" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = ".9rem", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "600", TextTransform = "none", LineHeight = "1.2" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
        PseudoCss = new PseudoCss { Scope = scope },
    };

    private static PaletteLight CalmLight() => new()
    {
        Primary = "#2F6F8F", PrimaryContrastText = "#FFFFFF",
        Secondary = "#334E68", SecondaryContrastText = "#FFFFFF",
        Info = "#2F6F8F", Success = "#2E6B3A", Warning = "#7A4B00", Error = "#8A2C1D",
        Background = "#FFFFFF", Surface = "#FFFFFF", AppbarBackground = "#F5F8FA", AppbarText = "#1F2933",
        TextPrimary = "#1F2933", TextSecondary = "#52606D", ActionDefault = "#3E4C59",
        LinesDefault = "#D9E2EC", LinesInputs = "#7B8794", Divider = "#D9E2EC", TableLines = "#D9E2EC",
    };

    private static PaletteDark CalmDark() => new()
    {
        Primary = "#8CC8E6", PrimaryContrastText = "#0B1A22",
        Secondary = "#B6C8DA", SecondaryContrastText = "#0B1A22",
        Info = "#8CC8E6", Success = "#8FD19E", Warning = "#F2C46D", Error = "#F4A08F",
        Background = "#12181F", Surface = "#1B232D", AppbarBackground = "#1B232D", AppbarText = "#E8EDF2",
        TextPrimary = "#E8EDF2", TextSecondary = "#B4C0CC", ActionDefault = "#CBD5DF",
        LinesDefault = "#33404D", LinesInputs = "#8896A5", Divider = "#33404D", TableLines = "#33404D",
    };

    // Black on white (or white on black), strong lines, a deep blue: for low vision and bright rooms.
    private static PaletteLight HighContrastLight() => new()
    {
        Primary = "#0033CC", PrimaryContrastText = "#FFFFFF",
        Secondary = "#000000", SecondaryContrastText = "#FFFFFF",
        Info = "#00487A", Success = "#005A00", Warning = "#6B3E00", Error = "#A00018",
        Background = "#FFFFFF", Surface = "#FFFFFF", AppbarBackground = "#FFFFFF", AppbarText = "#000000",
        TextPrimary = "#000000", TextSecondary = "#1A1A1A", ActionDefault = "#000000",
        LinesDefault = "#000000", LinesInputs = "#000000", Divider = "#000000", TableLines = "#000000",
    };

    private static PaletteDark HighContrastDark() => new()
    {
        Primary = "#9DB8FF", PrimaryContrastText = "#000000",
        Secondary = "#FFFFFF", SecondaryContrastText = "#000000",
        Info = "#9DD5FF", Success = "#9DF0A8", Warning = "#FFD27A", Error = "#FFB0A3",
        Background = "#000000", Surface = "#000000", AppbarBackground = "#000000", AppbarText = "#FFFFFF",
        TextPrimary = "#FFFFFF", TextSecondary = "#F0F0F0", ActionDefault = "#FFFFFF",
        LinesDefault = "#FFFFFF", LinesInputs = "#FFFFFF", Divider = "#FFFFFF", TableLines = "#FFFFFF",
    };
}
