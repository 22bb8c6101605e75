using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using AlignTool.Core.Tests;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;

namespace AlignTool.Server.Tests.Page;

/// <summary>
/// The page in real headless Chromium (Debian's chromium and chromium-driver, through Selenium), against the real
/// <c>aligntool serve</c> run as its own process on a SQLite memory: open English, Arabic and Chinese from files, merge
/// two rows with the keyboard, shift a Chinese sentence, accept and store the row, and a lookup on the page returns the
/// merged pair in Arabic and in Chinese. Without the browser the test
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
    public async Task OpenATriple_MergeTwoRows_StoreThem_AndALookupReturnsTheMergedPairInArabicAndChinese()
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

            // Open the three versions from files, as a translator would, and align them: English | Arabic | Chinese.
            foreach (var (input, file) in new[] { ("en-file", "pair-en.md"), ("ar-file", "pair-ar.md"), ("zh-file", "pair-zh.md") })
                driver.FindElement(By.Id(input)).SendKeys(Path.Combine(TestData.RepoRoot, "tests", "fixtures", file));
            Until(driver, () => driver.FindElement(By.Id("ar-text")).GetAttribute("value")!.Length > 100 && driver.FindElement(By.Id("zh-text")).GetAttribute("value")!.Length > 100,
                "the Arabic and Chinese files are read");
            driver.FindElement(By.Id("align")).Click();
            Until(driver, () => Rows(driver).Count >= 5, "the rows are shown");
            CollectionAssert.AreEqual(new[] { "#", "English", "Arabic ◆", "Chinese", "State" },
                driver.FindElements(By.CssSelector("#beads thead th")).Select(h => h.Text).ToList(), "three columns; ] and [ act on Arabic first");
            var cells = Rows(driver)[0].FindElements(By.CssSelector("td.sentences"));
            Assert.AreEqual(3, cells.Count);
            Assert.AreEqual("rtl", cells[1].GetAttribute("dir"));
            Assert.AreEqual("ar", cells[1].GetAttribute("lang"));
            Assert.AreEqual("zh", cells[2].GetAttribute("lang"));
            foreach (var cell in Rows(driver).SelectMany(r => r.FindElements(By.CssSelector("td.translation"))))
            {
                var level = cell.FindElement(By.ClassName("conf-label")).Text;
                Assert.IsTrue(Regex.IsMatch(level, @"^(high|medium|low) [01]\.\d\d$"), level);
                StringAssert.Contains(cell.GetAttribute("class"), level.StartsWith("medium", StringComparison.Ordinal) ? "conf-mid" : "conf-" + level.Split(' ')[0],
                    "each translation is coloured by its own pair's confidence, and says it");
            }
            int before = Rows(driver).Count;
            var english = Sentences(Rows(driver)[0], 0).Concat(Sentences(Rows(driver)[1], 0)).ToList();
            var arabic = Sentences(Rows(driver)[0], 1).Concat(Sentences(Rows(driver)[1], 1)).ToList();
            var chinese = Sentences(Rows(driver)[0], 2).Concat(Sentences(Rows(driver)[1], 2)).ToList();

            // Merge the first two rows with the keyboard: the first row, Shift+Down, m.
            Rows(driver)[0].FindElement(By.CssSelector("td.num")).Click();
            new Actions(driver).KeyDown(Keys.Shift).SendKeys(Keys.ArrowDown).KeyUp(Keys.Shift).SendKeys("m").Perform();
            Until(driver, () => Rows(driver).Count == before - 1, "two rows became one");
            CollectionAssert.AreEqual(english, Sentences(Rows(driver)[0], 0));
            CollectionAssert.AreEqual(arabic, Sentences(Rows(driver)[0], 1));
            CollectionAssert.AreEqual(chinese, Sentences(Rows(driver)[0], 2));

            // → gives the Chinese column the focus: ] moves the row's last Chinese sentence to the next row, and the
            // Arabic stays; [ takes it back.
            var nextChinese = Sentences(Rows(driver)[1], 2);
            new Actions(driver).SendKeys(Keys.ArrowRight).Perform();
            Until(driver, () => driver.FindElement(By.Id("head-zh")).Text == "Chinese ◆" && Rows(driver)[0].FindElement(By.CssSelector("td.shift-cell")).GetAttribute("lang") == "zh",
                "the Chinese column has the focus");
            StringAssert.Contains(driver.FindElement(By.Id("shift-down")).Text, "Last Chinese sentence");
            new Actions(driver).SendKeys("]").Perform();
            Until(driver, () => Sentences(Rows(driver)[0], 2).Count == chinese.Count - 1, "the last Chinese sentence moved down");
            CollectionAssert.AreEqual(chinese.Take(chinese.Count - 1).ToList(), Sentences(Rows(driver)[0], 2));
            CollectionAssert.AreEqual(chinese.TakeLast(1).Concat(nextChinese).ToList(), Sentences(Rows(driver)[1], 2));
            CollectionAssert.AreEqual(arabic, Sentences(Rows(driver)[0], 1));
            new Actions(driver).SendKeys("[").Perform();
            Until(driver, () => Sentences(Rows(driver)[0], 2).Count == chinese.Count, "the Chinese sentence came back");
            CollectionAssert.AreEqual(chinese, Sentences(Rows(driver)[0], 2));
            CollectionAssert.AreEqual(nextChinese, Sentences(Rows(driver)[1], 2));

            // With the mouse: a click on an Arabic cell gives Arabic the focus, the shift buttons act on it.
            Rows(driver)[0].FindElements(By.CssSelector("td.sentences"))[1].Click();
            Until(driver, () => driver.FindElement(By.Id("head-ar")).Text == "Arabic ◆" && driver.FindElement(By.Id("pick-ar")).Selected, "the Arabic column has the focus");
            driver.FindElement(By.Id("shift-down")).Click();
            Until(driver, () => Sentences(Rows(driver)[0], 1).Count == arabic.Count - 1, "the last Arabic sentence moved down");
            CollectionAssert.AreEqual(chinese, Sentences(Rows(driver)[0], 2));
            driver.FindElement(By.Id("shift-up")).Click();
            Until(driver, () => Sentences(Rows(driver)[0], 1).Count == arabic.Count, "the Arabic sentence came back");
            CollectionAssert.AreEqual(arabic, Sentences(Rows(driver)[0], 1));

            // Accept the merged row (a).
            new Actions(driver).SendKeys("a").Perform();
            Until(driver, () => Rows(driver)[0].GetAttribute("class")!.Contains("accepted", StringComparison.Ordinal), "the merged row is accepted");
            if (Environment.GetEnvironmentVariable("ALIGNTOOL_UPDATE_SCREENSHOT") == "1")
            {
                ((IJavaScriptExecutor)driver).ExecuteScript("window.scrollTo(0, 0)");
                driver.GetScreenshot().SaveAsFile(Path.Combine(TestData.RepoRoot, "docs", "img", "review.png"));
            }

            // Where the two pairs group English differently, a row is the smallest union of the overlapping English ranges.
            var pivoted = (string)((IJavaScriptExecutor)driver).ExecuteScript("""
                return JSON.stringify(pivot(4, {
                  ar: [{ src: [0], tgt: [0], confidence: 0.9 }, { src: [1], tgt: [1], confidence: 0.6 }, { src: [], tgt: [2], confidence: 0.1 }, { src: [2, 3], tgt: [3], confidence: 0.7 }],
                  zh: [{ src: [0, 1], tgt: [0], confidence: 0.8 }, { src: [2], tgt: [1, 2], confidence: 0.9 }, { src: [3], tgt: [3], confidence: 0.4 }] })
                  .map((r) => [r.src, r.t.ar.ids, r.t.ar.confidence, r.t.zh.ids, r.t.zh.confidence]));
                """)!;
            Assert.AreEqual("[[[0,1],[0,1],0.6,[0],0.8],[[],[2],0.1,[],null],[[2,3],[3],0.7,[1,2,3],0.4]]", pivoted);

            // Store with the mouse: one request a pair; the header counts both documents.
            driver.FindElement(By.Id("store")).Click();
            Until(driver, () => driver.FindElement(By.Id("status")).Text.StartsWith("Stored 1 Arabic beads", StringComparison.Ordinal), "the rows are stored");
            StringAssert.Contains(driver.FindElement(By.Id("status")).Text, "; 1 Chinese beads in \"pair-en.md + pair-zh.md (reviewed)\"");
            Until(driver, () => driver.FindElement(By.Id("doc-count")).Text == "7", "the header counts the two new documents");

            // A lookup of the merged English returns the merged Arabic and the merged Chinese (run on, as the aligner joins it).
            driver.FindElement(By.Id("tab-concordance")).Click();
            foreach (var (to, merged) in new[] { ("ar", string.Join(" ", arabic)), ("zh", string.Concat(chinese)) })
            {
                var lookupText = driver.FindElement(By.Id("lookup-text"));
                lookupText.Clear();
                lookupText.SendKeys(string.Join(" ", english));
                driver.FindElement(By.CssSelector($"#lookup-to option[value='{to}']")).Click();
                driver.FindElement(By.CssSelector("#lookup-form button")).Click();
                Until(driver, () => driver.FindElements(By.CssSelector("#matches tbody tr td.match-target")).FirstOrDefault()?.GetAttribute("lang") == to, $"the lookup into {to} answers");
                var match = driver.FindElements(By.CssSelector("#matches tbody tr"))[0].FindElements(By.TagName("td"));
                Assert.AreEqual("exact", match[0].Text, to);
                Assert.AreEqual("100", match[1].Text, to);
                Assert.AreEqual(merged, match[2].Text, to);
            }

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

            // English and one translation give two columns; English alone is refused.
            driver.FindElement(By.Id("tab-review")).Click();
            driver.FindElement(By.Id("zh-text")).Clear();
            driver.FindElement(By.Id("align")).Click();
            Until(driver, () => !driver.FindElement(By.Id("head-zh")).Displayed && Rows(driver)[0].FindElements(By.CssSelector("td.sentences")).Count == 2,
                "the review shows English and Arabic only");
            Assert.AreEqual("Arabic", driver.FindElement(By.Id("head-ar")).Text);
            Assert.IsFalse(driver.FindElement(By.Id("pick-zh")).Displayed);
            driver.FindElement(By.Id("ar-text")).Clear();
            driver.FindElement(By.Id("align")).Click();
            Until(driver, () => driver.FindElement(By.Id("status")).Text == "Give the Arabic or the Chinese version, or both.", "English alone is refused");
        }
    }

    private static IReadOnlyList<IWebElement> Rows(IWebDriver driver) => driver.FindElements(By.CssSelector("#beads tbody tr"));

    private static List<string> Sentences(IWebElement row, int side) =>
        row.FindElements(By.CssSelector("td.sentences"))[side].FindElements(By.CssSelector("span.s")).Select(s => s.GetAttribute("textContent")!).ToList();

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
