using FacilitatorKit.Web;

await using var app = FacilitatorKitApp.Build(args);

// Answer first, then catch up: the meetings in progress are brought back (a page asking for one sooner restores it
// itself), and the store is warmed up, while the facilitator opens the browser.
await app.StartAsync();
await FacilitatorKitApp.RestoreMeetingsAsync(app);
await FacilitatorKitApp.WarmUpAsync(app);
await app.WaitForShutdownAsync();
