import type { ReactNode } from 'react';
import type { MdBlock, MdDocument, MdInline, MdList } from '../../../shared/markdown';

/**
 * The Markdown subset's tree (shared/markdown.ts) as React elements. Text only ever
 * becomes text nodes, which React escapes: there is no innerHTML anywhere on this path,
 * so `<script>` in a note is shown as the characters it is.
 */
function inline(nodes: readonly MdInline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
    }
  });
}

function list(node: MdList, key: number | string): ReactNode {
  const items = node.items.map((item, i) => (
    <li key={i}>
      {inline(item.children)}
      {item.list ? list(item.list, 'nested') : null}
    </li>
  ));
  return node.ordered ? (
    <ol key={key} start={node.start === 1 ? undefined : node.start}>
      {items}
    </ol>
  ) : (
    <ul key={key}>{items}</ul>
  );
}

function block(node: MdBlock, i: number): ReactNode {
  switch (node.type) {
    case 'heading': {
      const Tag = (['h2', 'h3', 'h4'] as const)[node.level - 1]!;
      return (
        <Tag key={i} className={`md-h${node.level}`}>
          {inline(node.children)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={i}>{inline(node.children)}</p>;
    case 'list':
      return list(node, i);
  }
}

export function Markdown({ doc }: { doc: MdDocument }) {
  return <>{doc.children.map(block)}</>;
}
