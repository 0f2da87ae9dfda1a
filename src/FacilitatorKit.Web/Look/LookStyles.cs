using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace FacilitatorKit.Web.Look;

/// <summary>
/// Every look's CSS variables in one stylesheet, made once when the app starts and served as <c>/look.css</c>. A page
/// switches looks in the browser, with its data-look attribute (DeviceSettings.razor.js): no live view holds a theme
/// of its own, and choosing one costs the server nothing. MudBlazor writes the variables (MudThemeProvider), so its
/// components draw exactly as they would under its provider.
/// </summary>
public sealed class LookStyles
{
    private LookStyles(string css)
    {
        Css = css;
        Version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12].ToLowerInvariant();
    }

    public string Css { get; }

    /// <summary>Changes with the CSS, so the page's link can be cached for good.</summary>
    public string Version { get; }

    public static async Task<LookStyles> MakeAsync(IServiceProvider services, ILoggerFactory loggers)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var css = new StringBuilder();
        foreach (var (_, theme, dark) in Themes.All)
        {
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(MudThemeProvider.Theme)] = theme,
                    [nameof(MudThemeProvider.IsDarkMode)] = dark,
                    [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
                    [nameof(MudThemeProvider.DefaultScrollbar)] = true,
                }));
                return output.ToHtmlString();
            });
            css.AppendLine(StyleOf(html));
        }

        return new(css.ToString());
    }

    private static string StyleOf(string html)
    {
        const string open = "<style class='mud-theme-provider'>";
        var start = html.IndexOf(open, StringComparison.Ordinal);
        var end = start < 0 ? -1 : html.IndexOf("</style>", start, StringComparison.Ordinal);
        return start >= 0 && end > start
            ? html[(start + open.Length)..end]
            : throw new InvalidOperationException("MudThemeProvider no longer writes its theme as <style class='mud-theme-provider'>: update LookStyles.");
    }
}
