import type { CrawlRequested } from '@indicia/core';
import type { UrlScope } from '../capture-parts.js';
import { CrawlScope } from '../crawl-scope.js';

type Submission = CrawlRequested['submission'];

export interface ScopeRules {
  sameRegistrableDomain: boolean;
  allow: string[];
  deny: string[];
}

/**
 * The scopes of the submissions a distributed worker has seen. Links are followed within their
 * own submission's scope (its seeds' registrable domains, with the worker's allow/deny rules);
 * images and browser navigation may use any submission's scope, since the browser and the image
 * fetcher are shared by all of them.
 */
export class SubmissionScopes implements UrlScope {
  private readonly bySubmission = new Map<string, CrawlScope>();

  constructor(private readonly rules: ScopeRules) {}

  of(submission: Submission): CrawlScope {
    let scope = this.bySubmission.get(submission.id);
    if (!scope) {
      scope = new CrawlScope({ ...this.rules, seeds: submission.seeds });
      this.bySubmission.set(submission.id, scope);
    }
    return scope;
  }

  includes(canonicalUrl: string): boolean {
    for (const scope of this.bySubmission.values()) if (scope.includes(canonicalUrl)) return true;
    return false;
  }
}
