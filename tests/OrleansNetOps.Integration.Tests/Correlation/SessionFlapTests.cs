using System.Text.Json;
using OrleansNetOps.Lab.Scenarios;

namespace OrleansNetOps.Integration.Tests.Correlation;

/// <summary>Issue 10's flap acceptance on real FRR: shut/unshut cycles of one session are a session-flap finding (RFC 2439 damping).</summary>
public sealed class SessionFlapTests(FlapLab fixture) : IClassFixture<FlapLab>
{
    [Fact]
    public async Task Three_shut_and_unshut_cycles_of_a_session_raise_one_session_flap_with_its_penalty()
    {
        await fixture.WaitForSessionAsync("R2", "ISP-B", established: true, TimeSpan.FromSeconds(60));
        var neighbor = fixture.Lab.Layout.NeighborAddress("R2", "ISP-B").ToString();
        for (var cycle = 0; cycle < 3; cycle++)
        {
            await fixture.Lab.ApplyAsync(new SetSessionEnabled("R2", "ISP-B", Enabled: false));
            await fixture.WaitForSessionAsync("R2", "ISP-B", established: false, TimeSpan.FromSeconds(15));
            await fixture.Lab.ApplyAsync(new SetSessionEnabled("R2", "ISP-B", Enabled: true));
            await fixture.WaitForSessionAsync("R2", "ISP-B", established: true, TimeSpan.FromSeconds(60));
        }

        JsonElement flaps = default;
        await SignalLab.PollAsync(async () =>
        {
            flaps = await fixture.GetJsonAsync("/api/v1/findings?router=R2&kind=session-flap");
            return flaps.GetArrayLength() > 0;
        }, TimeSpan.FromSeconds(15), "no session-flap finding for R2");
        var flap = Assert.Single(flaps.EnumerateArray());
        Assert.Equal($"session:R2|{neighbor}", flap.GetProperty("subject").GetString());
        var data = flap.GetProperty("evidence").EnumerateArray().Single().GetProperty("data");
        Assert.True(double.Parse(data.GetProperty("penalty").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 2000);
        var downs = await fixture.GetJsonAsync("/api/v1/findings?router=R2&kind=session-down");
        Assert.Equal(3, downs.EnumerateArray().Count(d => d.GetProperty("subject").GetString() == $"session:R2|{neighbor}"));
    }
}
