using System.Text;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace FacilitatorKit.Web.Components.Tests.Support;

/// <summary>
/// Finds elements by ARIA role and accessible name, as the README's accessibility contract names them (and as a screen
/// reader, or the browser tests' GetByRole, finds them). bUnit has no role queries. This is a small subset of the
/// HTML-to-ARIA role mapping and of the accessible name computation, enough for the app's markup:
/// <list type="bullet">
/// <item>the role is the element's role attribute, else its implicit role (button, a[href] link, input/textarea
/// textbox, checkbox, radio, select combobox, ul/ol list, li listitem, named section region, main, h1–h6 heading,
/// fieldset group, table);</item>
/// <item>the name is aria-labelledby, else aria-label, else (form controls) the &lt;label for&gt; or the enclosing
/// &lt;label&gt;, without the control itself, else (buttons, links, headings, checkboxes, radios, options) the text
/// content, else a fieldset's legend;</item>
/// <item>text under aria-hidden="true" or hidden is left out; visually hidden text is kept, as screen readers read it;</item>
/// <item>names are compared exactly, with white space collapsed.</item>
/// </list>
/// Not modelled: CSS (display:none), the title and placeholder fallbacks, and embedded controls inside a label.
/// </summary>
public static class Accessible
{
    private static readonly HashSet<string> NamedFromContent = ["button", "link", "heading", "checkbox", "radio", "option", "tab", "menuitem", "switch", "cell", "columnheader", "rowheader"];
    private static readonly HashSet<string> Labelable = ["input", "select", "textarea", "button", "meter", "output", "progress"];
    private static readonly HashSet<string> Blocks = ["address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"];

    /// <summary>The one element with this role and accessible name; fails if there is none, or more than one.</summary>
    public static IElement ByRole<TComponent>(this IRenderedComponent<TComponent> cut, string role, string name)
        where TComponent : IComponent => Single(Elements(cut), role, name);

    /// <summary>The elements with this role (and this accessible name, if given), in document order.</summary>
    public static IReadOnlyList<IElement> AllByRole<TComponent>(this IRenderedComponent<TComponent> cut, string role, string? name = null)
        where TComponent : IComponent => Matching(Elements(cut), role, name);

    /// <summary>Whether some element has this role (and this accessible name, if given).</summary>
    public static bool HasRole<TComponent>(this IRenderedComponent<TComponent> cut, string role, string? name = null)
        where TComponent : IComponent => AllByRole(cut, role, name).Count > 0;

    /// <summary>The one element inside <paramref name="scope"/> with this role and accessible name.</summary>
    public static IElement ByRole(this IElement scope, string role, string name) => Single(Descendants(scope), role, name);

    /// <summary>The elements inside <paramref name="scope"/> with this role (and name, if given).</summary>
    public static IReadOnlyList<IElement> AllByRole(this IElement scope, string role, string? name = null) => Matching(Descendants(scope), role, name);

    /// <summary>The element's role: its role attribute, else the role its tag implies; null for none (generic).</summary>
    public static string? RoleOf(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var given = element.GetAttribute("role")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (given is not null)
        {
            return given is "presentation" or "none" ? null : given;
        }

        return element.LocalName switch
        {
            "button" => "button",
            "a" or "area" when element.HasAttribute("href") => "link",
            "textarea" => "textbox",
            "input" => InputRole(element),
            "select" => element.HasAttribute("multiple") || int.TryParse(element.GetAttribute("size"), out var size) && size > 1 ? "listbox" : "combobox",
            "option" => "option",
            "ul" or "ol" => "list",
            "li" => "listitem",
            "section" when HasOwnName(element) => "region",
            "main" => "main",
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => "heading",
            "fieldset" => "group",
            "table" => "table",
            "dialog" => "dialog",
            _ => null,
        };
    }

    /// <summary>The element's accessible name, white space collapsed; "" when it has none.</summary>
    public static string NameOf(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.GetAttribute("aria-labelledby") is { Length: > 0 } ids)
        {
            return Collapse(string.Join(' ', ById(element, ids).Select(e => TextOf(e))));
        }

        if (element.GetAttribute("aria-label") is { } label && !string.IsNullOrWhiteSpace(label))
        {
            return Collapse(label);
        }

        if (Labelable.Contains(element.LocalName) && LabelsOf(element) is { Count: > 0 } labels)
        {
            return Collapse(string.Join(' ', labels.Select(l => TextOf(l, except: element))));
        }

        if (element.LocalName == "input" && element.GetAttribute("type") is "button" or "submit" or "reset")
        {
            return Collapse(element.GetAttribute("value") ?? "");
        }

        if (RoleOf(element) is { } role && NamedFromContent.Contains(role))
        {
            return TextOf(element);
        }

        return element.LocalName == "fieldset" && element.Children.FirstOrDefault(c => c.LocalName == "legend") is { } legend ? TextOf(legend) : "";
    }

    /// <summary>The elements that aria-describedby points at (those that exist).</summary>
    public static IReadOnlyList<IElement> DescribedBy(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.GetAttribute("aria-describedby") is { Length: > 0 } ids ? ById(element, ids) : [];
    }

    /// <summary>The text a screen reader reads in the element: aria-hidden and hidden parts left out, white space collapsed.</summary>
    public static string TextOf(IElement element, IElement? except = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        var text = new StringBuilder();
        Append(element, except, text);
        return Collapse(text.ToString());
    }

    private static void Append(INode node, IElement? except, StringBuilder text)
    {
        if (node is IElement element)
        {
            if (element == except || IsHiddenItself(element) || element.LocalName is "script" or "style" or "template")
            {
                return;
            }

            var block = Blocks.Contains(element.LocalName);
            if (block)
            {
                text.Append(' ');
            }

            foreach (var child in element.ChildNodes)
            {
                Append(child, except, text);
            }

            if (block)
            {
                text.Append(' ');
            }
        }
        else if (node.NodeType == NodeType.Text)
        {
            text.Append(node.TextContent);
        }
    }

    private static IElement Single(IEnumerable<IElement> elements, string role, string name)
    {
        var list = elements.ToList();
        var found = Matching(list, role, name);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new InvalidOperationException($"Nothing has role={role} and the name “{name}”. There are: {Describe(list)}."),
            _ => throw new InvalidOperationException($"{found.Count} elements have role={role} and the name “{name}”; the contract names each control once."),
        };
    }

    private static List<IElement> Matching(IEnumerable<IElement> elements, string role, string? name) =>
        [.. elements.Where(e => RoleOf(e) == role && !IsHidden(e) && (name is null || NameOf(e) == Collapse(name)))];

    private static string Describe(IEnumerable<IElement> elements) =>
        string.Join("; ", elements.Where(e => RoleOf(e) is not null && !IsHidden(e)).Select(e => $"{RoleOf(e)} “{NameOf(e)}”"));

    private static IEnumerable<IElement> Elements<TComponent>(IRenderedComponent<TComponent> cut)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        return cut.Nodes.OfType<IElement>().SelectMany(e => Descendants(e).Prepend(e));
    }

    private static IEnumerable<IElement> Descendants(IElement scope) => scope.QuerySelectorAll("*");

    private static string? InputRole(IElement input) => (input.GetAttribute("type") ?? "text").ToUpperInvariant() switch
    {
        "BUTTON" or "SUBMIT" or "RESET" or "IMAGE" => "button",
        "CHECKBOX" => "checkbox",
        "RADIO" => "radio",
        "NUMBER" => "spinbutton",
        "RANGE" => "slider",
        "SEARCH" => "searchbox",
        "TEXT" or "EMAIL" or "TEL" or "URL" or "" => "textbox",
        _ => null, // hidden, password, file, dates, colour: not used by the contract
    };

    private static bool HasOwnName(IElement element) =>
        !string.IsNullOrWhiteSpace(element.GetAttribute("aria-label")) || !string.IsNullOrWhiteSpace(element.GetAttribute("aria-labelledby"));

    private static bool IsHidden(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsHiddenItself(e))
            {
                return true;
            }
        }

        return element.LocalName == "input" && string.Equals(element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsHiddenItself(IElement element) =>
        element.GetAttribute("aria-hidden") == "true" || element.HasAttribute("hidden");

    private static List<IElement> LabelsOf(IElement control)
    {
        var labels = new List<IElement>();
        if (control.Id is { Length: > 0 } id)
        {
            labels.AddRange(AllInTree(control).Where(e => e.LocalName == "label" && e.GetAttribute("for") == id));
        }

        if (control.Closest("label") is { } enclosing && !labels.Contains(enclosing))
        {
            labels.Add(enclosing);
        }

        return labels;
    }

    private static List<IElement> ById(IElement from, string ids)
    {
        var all = AllInTree(from).ToList();
        return [.. ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => all.FirstOrDefault(e => e.Id == id)).OfType<IElement>()];
    }

    // Every element of the tree the element is in (its rendered component's markup, or the document).
    private static IEnumerable<IElement> AllInTree(IElement element)
    {
        INode top = element;
        while (top.Parent is { } parent)
        {
            top = parent;
        }

        return top is IParentNode root ? root.QuerySelectorAll("*") : [];
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
