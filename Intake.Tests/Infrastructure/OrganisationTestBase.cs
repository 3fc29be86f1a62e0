namespace Intake.Tests.Infrastructure;

/// <summary>
/// A test class over its own application with the organisation already set up (<see cref="StaffWorld"/>):
/// xUnit creates one instance per test, so every test starts from a fresh data directory.
/// </summary>
public abstract class OrganisationTestBase : IAsyncLifetime
{
    protected IntakeApplicationFactory App { get; } = new();

    protected StaffWorld World { get; set; } = null!;

    public virtual async Task InitializeAsync() => World = await StaffWorld.CreateAsync(App);

    public virtual async Task DisposeAsync()
    {
        World.Dispose();
        await App.DisposeAsync();
    }
}
