import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@tl/auth';
import { CommitmentsReader, ProgressDto, ReportProgressCommand } from '@tl/commitments';
import { DirectoryReader } from '@tl/directory';

import { ProgressLinks } from '../links/progress-links.service';

/** What an official reaches from the link in a reminder e-mail, without logging in. */
@ApiTags('public')
@Controller('public/progress/:token')
export class PublicProgressController {
  constructor(
    private readonly links: ProgressLinks,
    private readonly commitments: CommitmentsReader,
    private readonly directory: DirectoryReader,
    private readonly commands: CommandBus,
  ) {}

  @Public()
  @Get()
  async show(@Param('token') token: string) {
    const link = await this.links.resolve(token);
    const commitment = await this.commitments.get(link.commitmentId);
    const official = await this.directory.official(link.officialId);
    return {
      ...commitment,
      commitments: [commitment],
      official: { id: official.id, name: official.name, position: official.position },
      link: { expiresAt: link.expiresAt },
    };
  }

  @Public()
  @Post()
  async report(@Param('token') token: string, @Body() body: ProgressDto) {
    // Resolve first for a clean 401/410 before anything else; spending happens in the report's transaction.
    const link = await this.links.resolve(token);
    const official = await this.directory.official(link.officialId);
    await this.commands.execute(
      new ReportProgressCommand(link.commitmentId, body, `official:${official.email}`, 'email-link', async (em) => {
        await this.links.spend(em, token);
      }),
    );
    return this.commitments.get(link.commitmentId);
  }
}
