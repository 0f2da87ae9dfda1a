using Microsoft.Playwright;

namespace FacilitatorKit.Web.Tests.Support;

/// <summary>One device in the room (the facilitator's laptop, a co-facilitator's tablet, the display): a browser context and its page.</summary>
public sealed class Device(string name, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public string Name { get; } = name;
    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    public override string ToString() => Name;
}
