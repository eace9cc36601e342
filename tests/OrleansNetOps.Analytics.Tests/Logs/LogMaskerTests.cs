using CsCheck;
using OrleansNetOps.Analytics.Logs;

namespace OrleansNetOps.Analytics.Tests.Logs;

public sealed class LogMaskerTests
{
    [Theory]
    [InlineData("Received block blk_-1608999687919862906 of size 91178 from /10.250.10.6", "Received block blk_<*> of size <*> from <*>")]
    [InlineData("Accepted password for netops from 203.0.113.7 port 52218 ssh2", "Accepted password for netops from <*> port <*>")]
    [InlineData("NIFF: node node-129 has detected an available network connection", "NIFF: node node-<*> has detected an available network connection")]
    [InlineData("generating core.2275", "generating core.<*>")]
    [InlineData("stack @0x7fed806eb5d @0x7fef9fb9b6d @0x7fef9f8358f)", "stack <*>")]
    [InlineData("msgid=<200511091901.jA9J1UvC004306@eadmin1>, size=629060, user=root", "msgid=<*> size=<*> user=root")]
    [InlineData("attempt_1445144423722_0020_m_000002_0 TaskAttempt Transitioned from NEW to UNASSIGNED", "<*> TaskAttempt Transitioned from NEW to UNASSIGNED")]
    [InlineData("Release Date: Fri Dec 10 19:02:14 EST 2004 build", "Release Date: <*> build")]
    [InlineData("connection from 24.54.76.216 at Sun Jul 24 02:38:22 2005", "connection from <*> at <*>")]
    [InlineData("Loaded /usr/lib/x86_64/libc-2.31.so", "Loaded <*>")]
    [InlineData("Reading configuration file: /etc/xinetd.d/chargen", "Reading configuration file: /etc/xinetd.d/chargen")]
    [InlineData("uuid 123e4567-e89b-12d3-a456-426614174000 mac 00:1b:44:11:3a:b7", "uuid <*> mac <*>")]
    [InlineData("value -17 ratio 0.75 took (12ms)", "value <*> ratio <*> took <*>")]
    [InlineData("%ADJCHANGE: neighbor 203.0.113.1(ISP-A) in vrf default Down BGP Notification send", "%ADJCHANGE: neighbor <*> in vrf default Down BGP Notification send")]
    [InlineData("Interface eth0, changed state to down", "Interface <*> changed state to down")]
    [InlineData("  spaced\tout  words ", "spaced out words")]
    [InlineData("chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS", "chrome.exe - <*> open through proxy <*> HTTPS")]
    [InlineData("Note: port:8080 stays", "Note: port:<*> stays")]
    [InlineData("", "")]
    public void Masks_variables_by_their_shape(string message, string expected) =>
        Assert.Equal(expected, LogMasker.MaskText(message));

    [Fact]
    public void A_list_of_values_of_any_length_is_one_wildcard()
    {
        Assert.Equal(
            LogMasker.MaskText("ask 10.250.18.114:50010 to delete blk_-5140072410813878235"),
            LogMasker.MaskText("ask 10.250.17.177:50010 to delete blk_-8570780307468499817 blk_4393063808227796056 blk_877756"));
    }

    [Fact]
    public void Masking_masked_text_changes_nothing() =>
        Gen.String[Gen.Char["abcXYZ019 .:/_-=()[],<*>\t"], 0, 80].Sample(message =>
        {
            var once = LogMasker.MaskText(message);
            Assert.Equal(once, LogMasker.MaskText(once));
        });

    [Fact]
    public void Tokens_are_never_empty_nor_hold_white_space() =>
        Gen.String.Sample(message =>
            Assert.All(LogMasker.Mask(message), t => Assert.True(t.Length > 0 && !t.Any(char.IsWhiteSpace), $"token '{t}' of '{message}'")));
}
