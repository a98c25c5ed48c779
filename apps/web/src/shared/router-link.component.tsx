import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

type RouterLinkProps = {
  to: string;
  children: ReactNode;
  className?: string;
  /** Called on every click, before navigating. */
  onClick?: () => void;
};

/** A Fluent link that navigates inside the app; a modified click (new tab, download) stays the browser's. */
export function RouterLink({ to, children, className, onClick }: RouterLinkProps) {
  const href = useHref(to);
  const navigate = useLinkClickHandler<HTMLAnchorElement>(to);
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.();
    navigate(event);
  }
  return (
    <Link href={href} className={className} onClick={handleClick}>
      {children}
    </Link>
  );
}
