using System.Runtime.InteropServices;

namespace CampaignGrains.Benchmarks.Output;

/// <summary>The machine a run measured: the ratios hold for it, the absolute figures only for it.</summary>
internal static class MachineInfo
{
    public static string Describe() =>
        $"{Cpu()}, {Environment.ProcessorCount} cores, {Figures.Bytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} RAM; " +
        $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}); {RuntimeInformation.FrameworkDescription}";

    private static string Cpu()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return RuntimeInformation.ProcessArchitecture.ToString();
        var model = File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? RuntimeInformation.ProcessArchitecture.ToString() : model[(model.IndexOf(':') + 1)..].Trim();
    }
}
