using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Web.Accounts;
using Intake.Web.Reporting.Admission;
using OtpNet;

namespace Intake.LoadBench;

internal sealed record FloodOptions(int Seconds, int Attackers, int AttachmentKiB, long QuotaBytes, string WebAssembly, string? LogLevel)
{
    public static FloodOptions Parse(string[] args)
    {
        var options = new FloodOptions(30, 4, 1024, 100L * 1000 * 1000, string.Empty, "Warning");
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--attackers" => options with { Attackers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--attachment-kib" => options with { AttachmentKiB = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--quota-mb" => options with { QuotaBytes = long.Parse(Next(), CultureInfo.InvariantCulture) * 1000 * 1000 },
                "--web" => options with { WebAssembly = Next() },
                "--log-level" => options with { LogLevel = Next() },
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }

        return string.IsNullOrEmpty(options.WebAssembly) ? throw new ArgumentException("--web path/to/Intake.Web.dll is required") : options;
    }
}

/// <summary>
/// The flood benchmark (ops/bench/README.md, "Flood"): a real Intake process on loopback with its production
/// defaults (report budget, proof of work, quotas, scrypt at work factor 18), first unattacked, then with attackers
/// at full speed on anonymous submissions with attachments, random mailbox lookups, and sign-ins with random
/// usernames and with a known one. Throughout, a legitimate reporter submits (solving the proof of work when asked,
/// as the page's worker does) and reads their mailbox, and a handler signs in from a browser used before. Reports
/// the legitimate actions' success rate and latency in both runs, and the attachment disk use against the quota.
/// </summary>
internal static partial class FloodBench
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = FloodOptions.Parse(args);
        var server = new LoadOptions(1, 0, 0, 0, options.WebAssembly, options.LogLevel)
        {
            Settings = [string.Create(CultureInfo.InvariantCulture, $"--Intake:Uploads:MaxTotalBytes={options.QuotaBytes}")],
        };
        using var intake = await IntakeServer.StartAsync(server);
        var attachments = Path.Combine(intake.DataDirectory, "attachments");
        Console.WriteLine($"Intake on {intake.Address} (pid {intake.ProcessId}), {Environment.ProcessorCount} cores, production defaults; attachment quota {options.QuotaBytes / 1_000_000} MB");
        Console.WriteLine($"{options.Seconds} s per run; attackers: {options.Attackers} clients on each of submissions ({options.AttachmentKiB} KiB attachment), mailbox lookups, random-username sign-ins, known-username sign-ins");
        Console.WriteLine();

        var handler = await KnownDeviceHandler.ActivateAsync(intake.Address, intake.ActivationCodes[IntakeServer.WhistleblowingHandler]);
        var peakDisk = 0L;
        using var diskWatch = new Timer(_ => Interlocked.Exchange(ref peakDisk, Math.Max(Interlocked.Read(ref peakDisk), DiskUse(attachments))), null, 0, 200);

        Console.WriteLine("| run | action | attempts | succeeded | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var calm = await LegitimateAsync(intake.Address, handler, options.Seconds, CancellationToken.None);
        Print("unattacked", calm);

        using var stop = new CancellationTokenSource();
        var attack = new Attack(intake.Address, options);
        var attackers = attack.Start(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var attacked = await LegitimateAsync(intake.Address, handler, options.Seconds, CancellationToken.None);
        await stop.CancelAsync();
        await Task.WhenAll(attackers);
        Print("attacked", attacked);

        Console.WriteLine();
        Console.WriteLine("| attack | requests | answered | by status |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, counts) in attack.Statuses)
        {
            Console.WriteLine($"| {name} | {counts.Values.Sum()} | {counts.Where(c => c.Key > 0).Sum(c => c.Value)} | {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{(c.Key == 0 ? "error" : c.Key.ToString(CultureInfo.InvariantCulture))}: {c.Value}"))} |");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Attachment disk use: peak {peakDisk / 1e6:0.0} MB, at the end {DiskUse(attachments) / 1e6:0.0} MB, quota {options.QuotaBytes / 1e6:0.0} MB"));
        return 0;
    }

    private static void Print(string run, IReadOnlyDictionary<string, List<(bool Ok, double Ms)>> results)
    {
        foreach (var (action, samples) in results)
        {
            var times = samples.Select(s => s.Ms).Order().ToList();
            string P(double q) => times.Count == 0 ? "-" : times[Math.Min(times.Count - 1, (int)(times.Count * q))].ToString("0", CultureInfo.InvariantCulture);
            Console.WriteLine($"| {run} | {action} | {samples.Count} | {samples.Count(s => s.Ok)} | {P(0.5)} | {P(0.99)} | {(times.Count == 0 ? "-" : times[^1].ToString("0", CultureInfo.InvariantCulture))} |");
        }
    }

    private static long DiskUse(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles().Sum(f => { try { return f.Length; } catch (FileNotFoundException) { return 0; } }) : 0;

    private const string SubmitTotal = "reporter submits (browser-sealed, 64 KiB file), proof solved here";

    /// <summary>The same submissions less the time the proof of work took: what the service itself made the reporter wait.</summary>
    private const string SubmitService = "reporter submits, the service's part (without solving)";

    /// <summary>One legitimate reporter (submit, then read the mailbox, in turn) and one handler, side by side.</summary>
    private static async Task<Dictionary<string, List<(bool Ok, double Ms)>>> LegitimateAsync(Uri address, KnownDeviceHandler handler, int seconds, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, List<(bool, double)>>
        {
            [SubmitTotal] = [],
            [SubmitService] = [],
            ["reporter reads mailbox"] = [],
            ["handler signs in (known device)"] = [],
        };
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var reporter = Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                var (ok, lookup, client, solving) = await Reporter.SubmitAsync(address);
                var total = Stopwatch.GetElapsedTime(start);
                results[SubmitTotal].Add((ok, total.TotalMilliseconds));
                results[SubmitService].Add((ok, (total - solving).TotalMilliseconds));
                if (lookup is not null && client is not null)
                {
                    start = Stopwatch.GetTimestamp();
                    var read = await Reporter.ReadMailboxAsync(client, lookup);
                    results["reporter reads mailbox"].Add((read, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                }

                client?.Dispose();
                await Task.Delay(500, cancellationToken);
            }
        }, cancellationToken);
        var staff = Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await handler.SignInAsync();
                results["handler signs in (known device)"].Add((ok, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                await handler.WaitForNextCodeAsync();
            }
        }, cancellationToken);
        await Task.WhenAll(reporter, staff);
        return results;
    }

    /// <summary>What the page's script does: seal in the browser, send, and when asked, solve the proof of work and send again.</summary>
    private static class Reporter
    {
        private static readonly byte[] _file = RandomNumberGenerator.GetBytes(64 * 1024);

        /// <returns>Whether the report arrived, its mailbox, and how long solving the proof of work took (zero when none was asked).</returns>
        public static async Task<(bool Ok, string? LookupId, HttpClient? Client, TimeSpan Solving)> SubmitAsync(Uri address)
        {
            var client = NewClient(address);
            var solving = TimeSpan.Zero;
            try
            {
                var html = await client.GetStringAsync(new Uri("report/whistleblowing", UriKind.Relative));
                var token = Attribute(html, "__RequestVerificationToken");
                var stamp = Attribute(html, "formStamp");
                var recipient = DataRecipient().Match(html).Groups[1].Value;
                using var mailbox = MailboxToken.Generate();
                using var keys = mailbox.DeriveKeys();
                IReadOnlyCollection<IRecipient> recipients = [AgeKeys.ParseRecipient(recipient), keys.Recipient];
                var report = AgeFile.Encrypt(Encoding.UTF8.GetBytes(
                    "{\"format\":\"intake.report/v1\",\"channel\":\"whistleblowing\",\"language\":\"sv\",\"answers\":{\"whatHappened\":[\"bench\"]},\"attachments\":[{\"name\":\"a.bin\",\"type\":\"application/octet-stream\",\"size\":65536}]}"), recipients);
                var file = AgeFile.Encrypt(_file, recipients);
                using var first = await client.PostAsync(new Uri("report/whistleblowing", UriKind.Relative), Body(token, stamp, null, keys, report, file));
                var status = first.StatusCode;
                if (status == HttpStatusCode.TooManyRequests)
                {
                    using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
                    var proof = json.RootElement.GetProperty("proof");
                    var challenge = proof.GetProperty("challenge").GetString()!;
                    var solveStart = Stopwatch.GetTimestamp();
                    var nonce = ProofOfWork.Solve(challenge, proof.GetProperty("bits").GetInt32());
                    solving = Stopwatch.GetElapsedTime(solveStart);
                    using var second = await client.PostAsync(new Uri("report/whistleblowing", UriKind.Relative), Body(token, challenge, nonce, keys, report, file));
                    status = second.StatusCode;
                }

                return status == HttpStatusCode.OK ? (true, keys.AuthenticatorHex, client, solving) : (false, null, Dispose(client), solving);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return (false, null, Dispose(client), solving);
            }
        }

        public static async Task<bool> ReadMailboxAsync(HttpClient client, string authenticator)
        {
            try
            {
                var html = await client.GetStringAsync(new Uri("mailbox", UriKind.Relative));
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("mailbox/api/thread", UriKind.Relative))
                {
                    Content = new StringContent("{}", Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Intake-Mailbox-Authenticator", authenticator);
                request.Headers.Add("RequestVerificationToken", Attribute(html, "__RequestVerificationToken"));
                using var response = await client.SendAsync(request);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        private static MultipartFormDataContent Body(string token, string stamp, string? nonce, MailboxKeys keys, byte[] report, byte[] file)
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("browser"), "sealingMode" },
                { new StringContent(stamp), "formStamp" },
            };
            if (nonce is not null)
            {
                content.Add(new StringContent(nonce), "proofNonce");
            }

            content.Add(new StringContent(Convert.ToHexStringLower(keys.Verifier)), "mailboxVerifier");
            content.Add(new StringContent(keys.Recipient.ToString()), "mailboxRecipient");
            content.Add(new StringContent("1"), "attachmentCount");
            content.Add(new StringContent("fraud"), "category");
            content.Add(new StringContent("true"), "allowAcknowledgement");
            content.Add(new ByteArrayContent(report), "sealedReport", "report.age");
            content.Add(new ByteArrayContent(file), "sealedAttachments", "0.age");
            return content;
        }

        private static HttpClient? Dispose(HttpClient client)
        {
            client.Dispose();
            return null;
        }
    }

    /// <summary>A handler who activated their account from this browser: signs in again with the device cookie it got then.</summary>
    private sealed class KnownDeviceHandler(Uri address, CookieContainer device, byte[] secret)
    {
        private long _lastStep;

        public static async Task<KnownDeviceHandler> ActivateAsync(Uri address, string activationCode)
        {
            var cookies = new CookieContainer();
            using var client = NewClient(address, cookies);
            var activate = await client.GetStringAsync(new Uri("Staff/SignIn/Activate", UriKind.Relative));
            using var enrol = await PostFormAsync(client, "Staff/SignIn/Activate", activate, new()
            {
                ["Username"] = IntakeServer.WhistleblowingHandler,
                ["Code"] = activationCode,
                ["Passphrase"] = IntakeServer.HandlerPassphrase,
                ["RepeatPassphrase"] = IntakeServer.HandlerPassphrase,
            });
            var enrolHtml = await enrol.Content.ReadAsStringAsync();
            var secret = Base32Encoding.ToBytes(TotpSecret().Match(enrolHtml).Groups[1].Value.Trim());
            var handler = new KnownDeviceHandler(address, cookies, secret);
            using var done = await PostFormAsync(client, enrol.RequestMessage!.RequestUri!.AbsolutePath.TrimStart('/'), enrolHtml, new() { ["Code"] = handler.NextCode() });
            if (cookies.GetCookies(address)[SignInDevices.CookieName] is null)
            {
                throw new InvalidOperationException("no device cookie after the first sign-in");
            }

            await handler.WaitForNextCodeAsync();
            return handler;
        }

        /// <summary>A whole sign-in: passphrase, then the code, from the known device; true when it lands signed in.</summary>
        public async Task<bool> SignInAsync()
        {
            var cookies = new CookieContainer();
            foreach (Cookie cookie in device.GetCookies(address))
            {
                if (cookie.Name == SignInDevices.CookieName)
                {
                    cookies.Add(cookie);
                }
            }

            using var client = NewClient(address, cookies);
            try
            {
                var signIn = await client.GetStringAsync(new Uri("Staff/SignIn", UriKind.Relative));
                using var code = await PostFormAsync(client, "Staff/SignIn", signIn, new() { ["Username"] = IntakeServer.WhistleblowingHandler, ["Passphrase"] = IntakeServer.HandlerPassphrase });
                if (!code.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/Code", StringComparison.Ordinal))
                {
                    return false;
                }

                using var done = await PostFormAsync(client, "Staff/SignIn/Code", await code.Content.ReadAsStringAsync(), new() { ["Code"] = NextCode() });
                return done.StatusCode == HttpStatusCode.OK && !done.RequestMessage!.RequestUri!.AbsolutePath.Contains("SignIn", StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        /// <summary>A code once used is refused: the next sign-in waits for the next 30-second step.</summary>
        public async Task WaitForNextCodeAsync()
        {
            while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 <= Interlocked.Read(ref _lastStep))
            {
                await Task.Delay(250);
            }
        }

        private string NextCode()
        {
            var now = DateTimeOffset.UtcNow;
            Interlocked.Exchange(ref _lastStep, now.ToUnixTimeSeconds() / 30);
            return new TotpCodes(TimeProvider.System).CodeFor(secret, now);
        }
    }

    /// <summary>The attackers: each loops as fast as the server answers, holding nothing a browser would not.</summary>
    private sealed class Attack(Uri address, FloodOptions options)
    {
        public Dictionary<string, Dictionary<int, int>> Statuses { get; } = new()
        {
            ["anonymous submissions with an attachment, no proof"] = [],
            ["random mailbox lookups (API)"] = [],
            ["sign-in, random usernames"] = [],
            ["sign-in, known username, wrong passphrases"] = [],
        };

        public List<Task> Start(CancellationToken stop)
        {
            var payload = RandomNumberGenerator.GetBytes(options.AttachmentKiB * 1024);
            var tasks = new List<Task>();
            for (var i = 0; i < options.Attackers; i++)
            {
                tasks.Add(Loop("anonymous submissions with an attachment, no proof", async client =>
                {
                    var html = await client.GetStringAsync(new Uri("report/whistleblowing", UriKind.Relative));
                    using var content = new MultipartFormDataContent
                    {
                        { new StringContent(Attribute(html, "__RequestVerificationToken")), "__RequestVerificationToken" },
                        { new StringContent(Attribute(html, "formStamp")), "formStamp" },
                        { new StringContent("bribery"), "category" },
                        { new StringContent("flood"), "whatHappened" },
                        { new StringContent("anonymous"), "identityMode" },
                        { new ByteArrayContent(payload), "attachments", "flood.bin" },
                    };
                    using var response = await client.PostAsync(new Uri("report/whistleblowing", UriKind.Relative), content);
                    return (int)response.StatusCode;
                }, stop));
                tasks.Add(Loop("random mailbox lookups (API)", async client =>
                {
                    var html = await client.GetStringAsync(new Uri("mailbox", UriKind.Relative));
                    var token = Attribute(html, "__RequestVerificationToken");
                    var last = 0;
                    for (var n = 0; n < 20 && !stop.IsCancellationRequested; n++)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("mailbox/api/thread", UriKind.Relative)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                        request.Headers.Add("Intake-Mailbox-Authenticator", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant());
                        request.Headers.Add("RequestVerificationToken", token);
                        using var response = await client.SendAsync(request, stop);
                        last = (int)response.StatusCode;
                        Count("random mailbox lookups (API)", last);
                    }

                    return -1;
                }, stop));
                tasks.Add(Loop("sign-in, random usernames", client => SignInAttemptAsync(client, "user-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)), "random-guess-" + Guid.NewGuid()), stop));
                tasks.Add(Loop("sign-in, known username, wrong passphrases", client => SignInAttemptAsync(client, IntakeServer.WhistleblowingHandler, "wrong-guess-" + Guid.NewGuid()), stop));
            }

            return tasks;
        }

        private static async Task<int> SignInAttemptAsync(HttpClient client, string username, string passphrase)
        {
            var html = await client.GetStringAsync(new Uri("Staff/SignIn", UriKind.Relative));
            using var response = await PostFormAsync(client, "Staff/SignIn", html, new() { ["Username"] = username, ["Passphrase"] = passphrase });
            return (int)response.StatusCode;
        }

        private Task Loop(string name, Func<HttpClient, Task<int>> attempt, CancellationToken stop) => Task.Run(async () =>
        {
            using var client = NewClient(address, new CookieContainer());
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var status = await attempt(client);
                    if (status >= 0)
                    {
                        Count(name, status);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
                {
                    if (!stop.IsCancellationRequested)
                    {
                        Count(name, 0);
                    }
                }
            }
        }, CancellationToken.None);

        private void Count(string name, int status)
        {
            var counts = Statuses[name];
            lock (counts)
            {
                counts[status] = counts.GetValueOrDefault(status) + 1;
            }
        }
    }

    private static HttpClient NewClient(Uri address, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true, AllowAutoRedirect = true }, disposeHandler: true)
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Posts a page's form: its hidden fields with the given values.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string html, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = NameAttribute().Match(input.Value);
            var value = ValueAttribute().Match(input.Value);
            if (name.Success)
            {
                values[WebUtility.HtmlDecode(name.Groups[1].Value)] = value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
            }
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The value of the form field named <paramref name="name"/> in a page, whichever attribute comes first.</summary>
    internal static string Attribute(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"", RegexOptions.CultureInvariant);
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }

    [GeneratedRegex("data-recipient=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex DataRecipient();

    [GeneratedRegex("id=\"totp-secret\">([^<]+)<", RegexOptions.CultureInvariant)]
    private static partial Regex TotpSecret();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex NameAttribute();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ValueAttribute();
}
