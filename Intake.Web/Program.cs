using Intake.Web.Hosting;
using Intake.Web.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddIntake();

var app = builder.Build();
await DatabaseInitializer.InitializeAsync(app.Services);
app.UseIntakePipeline();
await app.RunAsync();

/// <summary>The entry point, public so that the test host can start the application.</summary>
public partial class Program;
