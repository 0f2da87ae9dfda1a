using FacilitatorKit.Web;

var app = FacilitatorKitApp.Build(args);
await FacilitatorKitApp.RestoreMeetingsAsync(app);
await app.RunAsync();
