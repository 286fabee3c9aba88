using CampaignGrains.Abstractions;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampaignGrains.Benchmarks.Micro;

/// <summary>
/// The email grain's state (the largest of the three) between memory and storage: the codec's payload, and
/// the record as the storage provider serializes it, at typical and at worst-case dimensions.
/// </summary>
[MemoryDiagnoser]
public class StateSerializationBenchmarks
{
    private DeliveryStatistics _statistics = null!;
    private byte[] _payload = [];
    private StatisticsRecord _record = null!;
    private BinaryData _stored = null!;
    private OrleansGrainStorageSerializer _serializer = null!;

    [Params("typical", "worst case")]
    public string Dimensions { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        if (Dimensions == "typical")
        {
            _statistics = TypicalStatistics.Apply(Samples.TypicalCampaign).Email;
        }
        else
        {
            _statistics = WorstCaseStatistics.Build(StatisticsShape.Email, Samples.Now);
        }
        _payload = StatisticsCodec.Encode(_statistics);
        _record = new StatisticsRecord { Payload = _payload, Channels = [Channel.Email, Channel.Push] };
        var services = new ServiceCollection().AddSerializer(serializer => serializer.AddAssembly(typeof(StatisticsRecord).Assembly)).BuildServiceProvider();
        _serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        _stored = _serializer.Serialize(_record);
    }

    [Benchmark]
    public byte[] Encode() => StatisticsCodec.Encode(_statistics);

    [Benchmark]
    public DeliveryStatistics Decode() => StatisticsCodec.Decode(_payload, StatisticsShape.Email);

    [Benchmark]
    public BinaryData Serialize_record() => _serializer.Serialize(_record);

    [Benchmark]
    public StatisticsRecord? Deserialize_record() => _serializer.Deserialize<StatisticsRecord>(_stored);
}
