#!/usr/bin/python3
"""Trains annals' neural dependency parser and appends it to a model file.

A biaffine parser (Dozat & Manning 2017): each word is read as its word, its tag from annals'
own tagger and its letters (a convolution over its characters), a BiLSTM reads the sentence
both ways, and every pair of words is scored as head and dependent; a second, bilinear scorer
labels each arc. The parser learns from the tags annals' tagger gives (jackknifed: each
training sentence tagged by a tagger that did not learn from it), as it will see them.

The network is written as a section after the base model's bytes (src/parse/neural_parser.h
reads it); parsing it needs no Python. Run through scripts/train-neural.sh, which makes the
jackknifed tags first. Needs python3-torch (Debian); with libopenblas0 installed it trains
about four times faster.
"""
import argparse, collections, os, random, struct, sys, time

import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_CHARS = 30  # letters of a word the convolution reads
PAD, UNK, ROOT = 0, 1, 2  # ids shared by the word, tag and character vocabularies


def read_conllu(path):
    """Sentences as lists of (form, upos, xpos, head, deprel); multiword and empty nodes skipped."""
    sentences, words = [], []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line:
            if words: sentences.append(words); words = []
        elif not line.startswith('#'):
            c = line.split('\t')
            if '-' not in c[0] and '.' not in c[0]:
                words.append((c[1], c[3], c[4], int(c[6]), c[7]))
    if words: sentences.append(words)
    return sentences


def with_tags(gold, tagged, where):
    """Gold forms, heads and labels with the tags of `tagged`."""
    if len(gold) != len(tagged): sys.exit(f'{where}: {len(tagged)} tagged sentences for {len(gold)}')
    out = []
    for g, t in zip(gold, tagged):
        if len(g) != len(t): sys.exit(f'{where}: a tagged sentence has {len(t)} words, not {len(g)}')
        out.append([(gw[0], tw[1], tw[2], gw[3], gw[4]) for gw, tw in zip(g, t)])
    return out


def word_key(form):
    """The form the word vocabulary holds: lowercased, and '0' for numbers (digits, no letters).
    neural_parser.cpp computes the same."""
    if any('0' <= ch <= '9' for ch in form) and not any(ch.isalpha() for ch in form): return '0'
    return form.lower()


class Network(nn.Module):
    def __init__(self, sizes, dims):
        super().__init__()
        words, tags, chars, rels = sizes
        self.d = dims
        self.word = nn.Embedding(words, dims['word'], padding_idx=PAD)
        self.tag = nn.Embedding(tags, dims['tag'], padding_idx=PAD)
        self.char = nn.Embedding(chars, dims['char'], padding_idx=PAD)
        self.conv = nn.Conv1d(dims['char'], dims['filters'], 3, padding=1)
        inputs = dims['word'] + dims['tag'] + dims['filters']
        self.lstm = nn.LSTM(inputs, dims['hidden'], dims['layers'], batch_first=True, bidirectional=True,
                            dropout=dims['dropout'])
        h2 = 2 * dims['hidden']
        self.arc_dep, self.arc_head = nn.Linear(h2, dims['arc']), nn.Linear(h2, dims['arc'])
        self.rel_dep, self.rel_head = nn.Linear(h2, dims['rel']), nn.Linear(h2, dims['rel'])
        self.arc_weight = nn.Parameter(torch.zeros(dims['arc'], dims['arc']))
        self.arc_head_bias = nn.Parameter(torch.zeros(dims['arc']))
        self.rel_weight = nn.Parameter(torch.zeros(rels, dims['rel'] + 1, dims['rel'] + 1))

    def forward(self, W, T, C, char_lens, lens):
        B, N, L = C.shape
        drop = (lambda x: F.dropout(x, self.d['dropout'])) if self.training else (lambda x: x)
        conv = self.conv(self.char(C.view(B * N, L)).transpose(1, 2))  # (BN, filters, L)
        beyond = torch.arange(L).unsqueeze(0) >= char_lens.view(B * N, 1)
        conv = conv.masked_fill(beyond.unsqueeze(1), float('-inf')).max(dim=2).values
        letters = F.relu(conv).masked_fill(char_lens.view(B * N, 1) == 0, 0).view(B, N, -1)
        x = drop(torch.cat([self.word(W), self.tag(T), letters], -1))
        packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
        h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=N)
        h = drop(h)
        mlp = lambda layer: drop(F.leaky_relu(layer(h), 0.1))
        ad, ah, rd, rh = mlp(self.arc_dep), mlp(self.arc_head), mlp(self.rel_dep), mlp(self.rel_head)
        arcs = torch.einsum('bid,de,bje->bij', ad, self.arc_weight, ah) + (ah @ self.arc_head_bias).unsqueeze(1)
        one = torch.ones(B, N, 1)
        return arcs, torch.cat([rd, one], -1), torch.cat([rh, one], -1)

    def label_scores(self, rd, rh, heads):
        rh = rh.gather(1, heads.unsqueeze(-1).expand(-1, -1, rh.size(-1)))
        return torch.einsum('bnd,rde,bne->bnr', rd, self.rel_weight, rh)


class Data:
    def __init__(self, train):
        counts = collections.Counter(word_key(w[0]) for s in train for w in s)
        specials = ['<pad>', '<unk>', '<root>']
        self.words = specials + sorted(w for w, c in counts.items() if c >= 2)
        self.tags = specials + sorted({w[1] + '|' + w[2] for s in train for w in s})
        self.chars = specials + sorted({ch for s in train for w in s for ch in w[0]})
        self.rels = sorted({w[4] for s in train for w in s})
        self.ids = [{x: i for i, x in enumerate(v)} for v in (self.words, self.tags, self.chars, self.rels)]

    def batch(self, sentences, training):
        wid, tid, cid, rid = self.ids
        B, N = len(sentences), max(len(s) for s in sentences) + 1
        L = min(MAX_CHARS, max(len(w[0]) for s in sentences for w in s))
        W, T, H, R = (torch.zeros(B, N, dtype=torch.long) for _ in range(4))
        C = torch.zeros(B, N, L, dtype=torch.long)
        char_lens = torch.zeros(B, N, dtype=torch.long)
        mask = torch.zeros(B, N, dtype=torch.bool)
        for b, s in enumerate(sentences):
            W[b, 0], T[b, 0], C[b, 0, 0], char_lens[b, 0] = ROOT, ROOT, ROOT, 1
            for i, (form, upos, xpos, head, rel) in enumerate(s, 1):
                w = wid.get(word_key(form), UNK)
                if training and w != UNK and random.random() < 0.165: w = UNK  # word dropout
                t = tid.get(upos + '|' + xpos, UNK)
                if training and random.random() < 0.1: t = UNK
                W[b, i], T[b, i], H[b, i], R[b, i], mask[b, i] = w, t, head, rid.get(rel, 0), True
                letters = form[:MAX_CHARS]
                char_lens[b, i] = len(letters)
                for j, ch in enumerate(letters): C[b, i, j] = cid.get(ch, UNK)
        lens = torch.tensor([len(s) + 1 for s in sentences])
        return (W, T, C, char_lens, lens), H, R, mask


def batches(data, tokens, shuffle):
    """Sentences of similar length together, about `tokens` words a batch."""
    order = sorted(range(len(data)), key=lambda i: len(data[i]))
    out, cur, n = [], [], 0
    for i in order:
        cur.append(data[i]); n += len(data[i])
        if n >= tokens: out.append(cur); cur, n = [], 0
    if cur: out.append(cur)
    if shuffle: random.shuffle(out)
    return out


def scores(net, data, sentences):
    """UAS and LAS (every word, punctuation included), heads by each word's best score."""
    net.eval(); attached = labelled = words = 0
    with torch.no_grad():
        for group in batches(sentences, 3000, False):
            inputs, H, R, mask = data.batch(group, False)
            arcs, rd, rh = net(*inputs)
            N = arcs.size(1)
            invalid = (torch.arange(N).unsqueeze(0) >= inputs[-1].unsqueeze(1)).unsqueeze(1) | torch.eye(N, dtype=torch.bool)
            heads = arcs.masked_fill(invalid, float('-inf')).argmax(-1)
            right = (heads == H) & mask
            attached += right.sum().item(); words += mask.sum().item()
            labelled += (right & (net.label_scores(rd, rh, heads).argmax(-1) == R)).sum().item()
    net.train()
    return 100 * attached / words, 100 * labelled / words


def export(net, data, provenance, path, base):
    """The section neural_parser.cpp reads (little-endian, arrays prefixed by their length),
    after the bytes of the base model if one is given."""
    out = bytearray(open(base, 'rb').read() if base else b'') + b'ANNNEURL'
    u32 = lambda v: out.extend(struct.pack('<I', v))
    def string(s):
        b = s.encode('utf-8'); u32(len(b)); out.extend(b)
    def strings(list_): u32(len(list_)); [string(s) for s in list_]
    def array(t):
        t = t.detach().contiguous().float()
        out.extend(struct.pack('<Q', t.numel())); out.extend(t.numpy().tobytes())
    u32(1)  # section version
    string(provenance)
    for v in (data.words, data.tags, data.chars, data.rels): strings(v)
    d = net.d
    for k in ('word', 'tag', 'char', 'filters', 'hidden', 'layers', 'arc', 'rel'): u32(d[k])
    u32(MAX_CHARS)
    array(net.word.weight); array(net.tag.weight); array(net.char.weight)
    array(net.conv.weight); array(net.conv.bias)
    for layer in range(d['layers']):
        for suffix in ('', '_reverse'):
            for name in ('weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'):
                array(getattr(net.lstm, f'{name}_l{layer}{suffix}'))
    for layer in (net.arc_dep, net.arc_head, net.rel_dep, net.rel_head): array(layer.weight); array(layer.bias)
    array(net.arc_weight); array(net.arc_head_bias); array(net.rel_weight)
    with open(path + '.tmp', 'wb') as f: f.write(out)
    os.replace(path + '.tmp', path)


def write_scores(net, data, sentences, path):
    """For tests of neural_parser.cpp: each sentence's words and tags, its arcs' log-probabilities
    (row: dependent, column: head, 0 the root) and its label scores under the gold heads."""
    import json
    net.eval()
    out = []
    with torch.no_grad():
        for s in sentences:
            inputs, H, R, mask = data.batch([s], False)
            arcs, rd, rh = net(*inputs)
            N = arcs.size(1)
            arcs = arcs[0].masked_fill(torch.eye(N, dtype=torch.bool), float('-inf')).log_softmax(-1)
            out.append({'forms': [w[0] for w in s], 'tags': [[w[1], w[2]] for w in s], 'heads': [w[3] for w in s],
                        'arcs': [[round(v, 6) if v > float('-inf') else None for v in row] for row in arcs[1:].tolist()],
                        'labels': [[round(v, 6) for v in row] for row in net.label_scores(rd, rh, H)[0, 1:].tolist()]})
    with open(path, 'w') as f: json.dump({'labels': data.rels, 'sentences': out}, f)


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--train', required=True, help='gold CoNLL-U, comma-separated')
    p.add_argument('--train-tags', required=True, help='the same sentences tagged (jackknifed), one CoNLL-U file')
    p.add_argument('--dev', default='', help='gold CoNLL-U files, comma-separated')
    p.add_argument('--dev-tags', default='', help='the same tagged by the final tagger')
    p.add_argument('--epochs', type=int, default=11)
    p.add_argument('--hidden', type=int, default=200)
    p.add_argument('--batch-words', type=int, default=1000)
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--learning-rate', type=float, default=2e-3)
    p.add_argument('--tiny', action='store_true', help='a small network, for tests')
    p.add_argument('--provenance', default='')
    p.add_argument('--scores', help='also write the training sentences\' scores here (JSON, for tests)')
    p.add_argument('--base', help='the model file whose tagger tagged the words: written first, making a whole model')
    p.add_argument('-o', '--output', required=True, help='the network section (with --base: the model) to write')
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1); random.seed(1)
    gold = [s for f in a.train.split(',') for s in read_conllu(f)]
    train = with_tags(gold, read_conllu(a.train_tags), a.train_tags)
    devs = {}
    for g, t in zip(filter(None, a.dev.split(',')), filter(None, a.dev_tags.split(','))):
        devs[g.rsplit('/', 1)[-1]] = with_tags(read_conllu(g), read_conllu(t), t)
    data = Data(train)
    dims = dict(word=100, tag=50, char=32, filters=100, hidden=a.hidden, layers=3, arc=300, rel=100, dropout=0.33)
    if a.tiny: dims.update(word=8, tag=4, char=4, filters=6, hidden=5, layers=2, arc=7, rel=3)
    net = Network((len(data.words), len(data.tags), len(data.chars), len(data.rels)), dims)
    opt = torch.optim.Adam(net.parameters(), lr=a.learning_rate, betas=(0.9, 0.9))
    decay = torch.optim.lr_scheduler.LambdaLR(opt, lambda step: 0.75 ** (step / 1500))
    print(f'{len(train)} sentences; {len(data.words)} words, {len(data.tags)} tags, {len(data.chars)} characters, '
          f'{len(data.rels)} labels', flush=True)
    for epoch in range(a.epochs):
        start, total = time.time(), 0.0
        for group in batches(train, a.batch_words, True):
            inputs, H, R, mask = data.batch(group, True)
            arcs, rd, rh = net(*inputs)
            N = arcs.size(1)
            arcs = arcs.masked_fill((torch.arange(N).unsqueeze(0) >= inputs[-1].unsqueeze(1)).unsqueeze(1), float('-inf'))
            loss = F.cross_entropy(arcs[mask], H[mask]) + F.cross_entropy(net.label_scores(rd, rh, H)[mask], R[mask])
            opt.zero_grad(); loss.backward(); nn.utils.clip_grad_norm_(net.parameters(), 5.0); opt.step(); decay.step()
            total += loss.item()
        figures = ' '.join(f'{n} {u:.2f}/{l:.2f}' for n, (u, l) in ((n, scores(net, data, d)) for n, d in devs.items()))
        print(f'epoch {epoch + 1}: {time.time() - start:.0f} s, loss {total:.1f}; UAS/LAS {figures}', flush=True)
        # After every epoch, as the schedule does not depend on their number: a run stopped early
        # leaves the model a shorter run would have made.
        export(net, data, f'{a.provenance}; weights after epoch {epoch + 1}', a.output, a.base)
    if a.scores: write_scores(net, data, train, a.scores)


if __name__ == '__main__':
    main()
