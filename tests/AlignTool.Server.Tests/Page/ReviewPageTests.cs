using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using AlignTool.Core.Tests;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;

namespace AlignTool.Server.Tests.Page;

/// <summary>
/// The page in real headless Chromium (Debian's chromium and chromium-driver, through Selenium), against the real
/// <c>aligntool serve</c> run as its own process on a SQLite memory: open a pair from files, merge two beads with the
/// keyboard, accept and store them, and a lookup on the page returns the merged pair. Without the browser the test
/// reports itself skipped (.ci/run installs it). With <c>ALIGNTOOL_UPDATE_SCREENSHOT=1</c> it writes
/// docs/img/review.png, the screenshot the documentation shows.
/// </summary>
[TestClass]
public sealed class ReviewPageTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task OpenAPair_MergeTwoBeads_StoreThem_AndALookupReturnsTheMergedPair()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
            throw new AssertInconclusiveException("Chromium is not installed (apt-get install chromium chromium-driver)");
        var dir = Directory.CreateTempSubdirectory("aligntool-page-").FullName;
        try
        {
            var tm = ServerFixture.CopyOfMemory(dir);
            var tokens = Path.Combine(dir, "tokens.txt");
            File.WriteAllText(tokens, ServerFixture.TokenFile);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tokens, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            int port = FreePort();
            var server = StartServe(tm, tokens, port, dir);
            try
            {
                await Drive($"http://127.0.0.1:{port}", server, dir);
            }
            finally
            {
                if (!server.HasExited) server.Kill(entireProcessTree: true);
                server.WaitForExit(10_000);
                server.Dispose();
            }
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task Drive(string url, Process server, string dir)
    {
        {
            await WaitForHealth(url, server);

            using var driver = StartChromium(dir);
            driver.Navigate().GoToUrl(url + "/");
            Assert.AreEqual("AlignTool", driver.Title);
            driver.FindElement(By.Id("token")).SendKeys(ServerFixture.WriterToken + Keys.Enter);
            Until(driver, () => driver.FindElement(By.Id("doc-count")).Text == "5", "the header shows the memory's 5 documents");

            // Open the pair from files, as a translator would, and align it.
            driver.FindElement(By.Id("en-file")).SendKeys(Path.Combine(TestData.RepoRoot, "tests", "fixtures", "pair-en.md"));
            driver.FindElement(By.Id("other-file")).SendKeys(Path.Combine(TestData.RepoRoot, "tests", "fixtures", "pair-ar.md"));
            Until(driver, () => driver.FindElement(By.Id("other-text")).GetAttribute("value")!.Length > 100, "the Arabic file is read");
            driver.FindElement(By.Id("align")).Click();
            Until(driver, () => Rows(driver).Count >= 5, "the beads are shown");
            var first = Rows(driver)[0];
            Assert.AreEqual("rtl", first.FindElements(By.CssSelector("td.sentences"))[1].GetAttribute("dir"));
            Assert.IsTrue(Rows(driver).All(r => r.GetAttribute("class")!.Contains("conf-", StringComparison.Ordinal)), "every bead is coloured by its confidence");
            int before = Rows(driver).Count;
            var english = Sentences(Rows(driver)[0], 0).Concat(Sentences(Rows(driver)[1], 0)).ToList();
            var arabic = Sentences(Rows(driver)[0], 1).Concat(Sentences(Rows(driver)[1], 1)).ToList();

            // Merge the first two beads with the keyboard: the first bead, Shift+Down, m; then accept it (a).
            Rows(driver)[0].Click();
            new Actions(driver).KeyDown(Keys.Shift).SendKeys(Keys.ArrowDown).KeyUp(Keys.Shift).SendKeys("m").Perform();
            Until(driver, () => Rows(driver).Count == before - 1, "two beads became one");
            CollectionAssert.AreEqual(english, Sentences(Rows(driver)[0], 0));
            CollectionAssert.AreEqual(arabic, Sentences(Rows(driver)[0], 1));
            new Actions(driver).SendKeys("a").Perform();
            Until(driver, () => Rows(driver)[0].GetAttribute("class")!.Contains("accepted", StringComparison.Ordinal), "the merged bead is accepted");
            if (Environment.GetEnvironmentVariable("ALIGNTOOL_UPDATE_SCREENSHOT") == "1")
            {
                ((IJavaScriptExecutor)driver).ExecuteScript("window.scrollTo(0, 0)");
                driver.GetScreenshot().SaveAsFile(Path.Combine(TestData.RepoRoot, "docs", "img", "review.png"));
            }

            // Store with the mouse; the header's counts follow.
            driver.FindElement(By.Id("store")).Click();
            Until(driver, () => driver.FindElement(By.Id("status")).Text.StartsWith("Stored 1 beads", StringComparison.Ordinal), "the beads are stored");
            Until(driver, () => driver.FindElement(By.Id("doc-count")).Text == "6", "the header counts the new document");

            // A lookup of the merged English returns the merged Arabic.
            driver.FindElement(By.Id("tab-concordance")).Click();
            driver.FindElement(By.Id("lookup-text")).SendKeys(string.Join(" ", english));
            driver.FindElement(By.CssSelector("#lookup-to option[value='ar']")).Click();
            driver.FindElement(By.CssSelector("#lookup-form button")).Click();
            Until(driver, () => driver.FindElements(By.CssSelector("#matches tbody tr")).Count > 0, "the lookup answers");
            var match = driver.FindElements(By.CssSelector("#matches tbody tr"))[0].FindElements(By.TagName("td"));
            Assert.AreEqual("exact", match[0].Text);
            Assert.AreEqual("100", match[1].Text);
            Assert.AreEqual(string.Join(" ", arabic), match[2].Text);

            // Concordance marks the term.
            driver.FindElement(By.Id("term")).SendKeys("mine" + Keys.Enter);
            Until(driver, () => driver.FindElements(By.CssSelector("#hits mark")).Count > 0, "the term is marked in the concordance");
            Assert.IsTrue(driver.FindElements(By.CssSelector("#hits mark")).All(m => m.Text.Equals("mine", StringComparison.OrdinalIgnoreCase)));

            // Prefill review: an English cover page in, its Chinese draft and its segments out.
            driver.FindElement(By.Id("tab-prefill")).Click();
            driver.FindElement(By.Id("prefill-file")).SendKeys(Path.Combine(TestData.RepoRoot, "tests", "fixtures", "en-cover-000.md"));
            Until(driver, () => driver.FindElement(By.Id("prefill-text")).GetAttribute("value")!.Length > 100, "the English document is read");
            driver.FindElement(By.CssSelector("#prefill-form button[type=submit]")).Click();
            Until(driver, () => driver.FindElements(By.CssSelector("#segments tbody tr")).Count > 5, "the draft's segments are shown");
            StringAssert.Contains(driver.FindElement(By.Id("draft")).GetAttribute("value"), "人权理事会");
            StringAssert.Contains(driver.FindElement(By.Id("prefill-report")).Text, "segments");
        }
    }

    private static IReadOnlyList<IWebElement> Rows(IWebDriver driver) => driver.FindElements(By.CssSelector("#beads tbody tr"));

    private static List<string> Sentences(IWebElement row, int side) =>
        row.FindElements(By.CssSelector("td.sentences"))[side].FindElements(By.TagName("span")).Select(s => s.GetAttribute("textContent")!).ToList();

    private static void Until(IWebDriver driver, Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (condition()) return;
            }
            catch (StaleElementReferenceException) { }
            catch (NoSuchElementException) { }
            catch (ArgumentOutOfRangeException) { }
            Thread.Sleep(100);
        }
        Assert.Fail($"timed out waiting until {what}; the page says: {driver.FindElement(By.Id("status")).Text}");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>The real command: the aligntool built beside this test (the CLI project is built before it).</summary>
    private static Process StartServe(string tm, string tokens, int port, string dir)
    {
        var configuration = typeof(ReviewPageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(TestData.RepoRoot, "src", "AlignTool.Cli", "bin", configuration, "net10.0", "aligntool.dll");
        Assert.IsTrue(File.Exists(dll), dll);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir };
        foreach (var a in new[] { dll, "serve", "--tm", tm, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--token-file", tokens }) psi.ArgumentList.Add(a);
        psi.Environment["ALIGNTOOL_AUTHOR"] = "page-test";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task WaitForHealth(string url, Process server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.IsFalse(server.HasExited, $"aligntool serve ended with exit code {(server.HasExited ? server.ExitCode : 0)}");
            try
            {
                var health = await http.GetFromJsonAsync<Dictionary<string, object>>(url + "/api/health");
                if (health is not null) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        Assert.Fail("aligntool serve did not answer in 60 s");
    }

    private static ChromeDriver StartChromium(string dir)
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1350", "--lang=en-US",
            "--user-data-dir=" + Path.Combine(dir, "chromium-profile"));
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
    }
}
