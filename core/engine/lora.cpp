#include "lora.h"

#include <cmath>
#include <stdexcept>

namespace azllm {
namespace {

torch::Tensor readEntry(torch::serialize::InputArchive &archive, const std::string &name,
                        const torch::Tensor &like)
{
    torch::Tensor stored;
    if (!archive.try_read(name, stored, true))
        throw std::runtime_error("adapters.pt has no tensor '" + name + "'");
    if (!stored.sizes().equals(like.sizes()))
        throw std::runtime_error("adapters.pt tensor '" + name + "' does not fit this model");
    return stored;
}

} // namespace

LoraAdapters::LoraAdapters(Gpt &model, const LoraSettings &settings,
                           c10::optional<at::Generator> generator)
    : m_scale(settings.alpha / double(settings.rank))
{
    if (settings.rank <= 0)
        throw std::invalid_argument("lora_rank must be positive for LoRA");
    const auto add = [&](const std::string &name, torch::nn::Linear &layer) {
        const std::int64_t out = layer->weight.size(0), in = layer->weight.size(1);
        const auto options = layer->weight.options().requires_grad(false);
        const double bound = 1.0 / std::sqrt(double(in)); // nn.Linear's own initial range
        Adapter adapter{
            name, layer, layer->weight,
            torch::empty({settings.rank, in}, options).uniform_(-bound, bound, generator),
            torch::zeros({out, settings.rank}, options)};
        adapter.a.requires_grad_(true);
        adapter.b.requires_grad_(true);
        m_adapters.push_back(std::move(adapter));
    };
    for (std::int64_t i = 0; i < model->config().nLayer; ++i) {
        BlockImpl *block = model->h[std::size_t(i)]->as<Block>();
        const std::string prefix = "h." + std::to_string(i) + ".";
        if (settings.attention) {
            add(prefix + "attn.c_attn", block->attn->c_attn);
            add(prefix + "attn.c_proj", block->attn->c_proj);
        }
        if (settings.mlp) {
            add(prefix + "mlp.c_fc", block->mlp->c_fc);
            add(prefix + "mlp.c_proj", block->mlp->c_proj);
        }
    }
    if (m_adapters.empty())
        throw std::invalid_argument("lora_targets selects no layer (use attn, mlp or attn,mlp)");
}

torch::Tensor LoraAdapters::adapted(const Adapter &adapter) const
{
    return adapter.base + torch::matmul(adapter.b, adapter.a) * m_scale; // (out, in)
}

void LoraAdapters::apply()
{
    for (Adapter &adapter : m_adapters)
        adapter.layer->weight = adapted(adapter);
}

void LoraAdapters::restore()
{
    for (Adapter &adapter : m_adapters)
        adapter.layer->weight = adapter.base;
}

void LoraAdapters::mergeIntoBase()
{
    torch::NoGradGuard noGrad;
    for (Adapter &adapter : m_adapters)
        adapter.base.add_(torch::matmul(adapter.b, adapter.a), m_scale);
    restore();
    for (Adapter &adapter : m_adapters)
        adapter.b.zero_(); // merged: applying again must not add the update twice
}

std::vector<torch::Tensor> LoraAdapters::parameters() const
{
    std::vector<torch::Tensor> all;
    for (const Adapter &adapter : m_adapters) {
        all.push_back(adapter.a);
        all.push_back(adapter.b);
    }
    return all;
}

std::int64_t LoraAdapters::parameterCount() const
{
    std::int64_t n = 0;
    for (const torch::Tensor &p : parameters())
        n += p.numel();
    return n;
}

void LoraAdapters::save(torch::serialize::OutputArchive &archive) const
{
    for (const Adapter &adapter : m_adapters) {
        archive.write(adapter.name + ".lora_A", adapter.a.detach(), /*is_buffer=*/true);
        archive.write(adapter.name + ".lora_B", adapter.b.detach(), /*is_buffer=*/true);
    }
}

void LoraAdapters::load(torch::serialize::InputArchive &archive)
{
    torch::NoGradGuard noGrad;
    for (Adapter &adapter : m_adapters) {
        adapter.a.copy_(readEntry(archive, adapter.name + ".lora_A", adapter.a));
        adapter.b.copy_(readEntry(archive, adapter.name + ".lora_B", adapter.b));
    }
}

MarkerRows::MarkerRows(Gpt &model, std::vector<std::int64_t> ids)
    : m_table(model->wte), m_base(model->wte->weight), m_ids(std::move(ids))
{
    for (std::int64_t id : m_ids)
        if (id < 0 || id >= m_base.size(0))
            throw std::invalid_argument("marker id " + std::to_string(id) +
                                        " is outside the vocabulary");
    m_index = torch::tensor(m_ids, torch::kLong).to(m_base.device());
    m_rows = m_base.detach().index_select(0, m_index).clone().requires_grad_(true);
}

void MarkerRows::apply()
{
    m_table->weight = m_base.index_put({m_index}, m_rows); // (V, C), rows from m_rows
}

void MarkerRows::restore()
{
    m_table->weight = m_base;
}

void MarkerRows::mergeIntoBase()
{
    torch::NoGradGuard noGrad;
    m_base.index_put_({m_index}, m_rows);
    restore();
}

void MarkerRows::save(torch::serialize::OutputArchive &archive) const
{
    archive.write("wte.marker_ids", m_index.cpu(), /*is_buffer=*/true);
    archive.write("wte.marker_rows", m_rows.detach(), /*is_buffer=*/true);
}

void MarkerRows::load(torch::serialize::InputArchive &archive)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor ids = readEntry(archive, "wte.marker_ids", m_index);
    if (!torch::equal(ids.to(torch::kLong), m_index.cpu()))
        throw std::runtime_error("adapters.pt trains other marker rows than this run");
    m_rows.copy_(readEntry(archive, "wte.marker_rows", m_rows));
}

} // namespace azllm
