import { Body, Controller, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DropDependencyUpdate, type Actor } from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { ReasonDto } from '../award/award.dto';
import { CommandEndpoint } from '../command-endpoint.decorator';
import { present } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';

/** The commission's dependency on another's gate: an officer may drop it, with a reason. */
@ApiTags('dependency')
@ApiBearerAuth()
@Controller('commissions/:id')
export class DependencyController {
  constructor(private readonly commissions: CommissionsService) {}

  @CommandEndpoint(
    'dependency/drop',
    'Drop the dependency on another commission’s gate, with a reason, so the tender no longer waits on it; allowed before the tender whatever the gate’s status (waiting or never-to-be-met); 409 no-dependency',
    ['officer'],
  )
  async drop(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return present(
      await this.commissions.command(id, DropDependencyUpdate, { actor, reason: dto.reason }, key),
      actor,
    );
  }
}
