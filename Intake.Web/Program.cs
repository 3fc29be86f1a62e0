using Intake.Web.Commands;
using Intake.Web.Hosting;

var builder = WebApplication.CreateBuilder(ContentRoot.For(args));
builder.AddIntake();

var app = builder.Build();
if (IntakeCommands.IsCommand(args))
{
    // Operator commands (set-up from a file, audit verification) run against the same database and exit.
    return await IntakeCommands.RunAsync(app, args);
}

try
{
    await IntakeStartup.PrepareAsync(app);
}
catch (Intake.Web.Storage.DatabaseTooNewException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

app.UseIntakePipeline();
await app.RunAsync();
return 0;

/// <summary>The entry point, public so that the test host can start the application.</summary>
public partial class Program;
